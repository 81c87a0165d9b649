// Argument schemas for every invoke channel: what the renderer sends is `unknown` until parsed
// here. The mapped type makes a channel without a schema (or with the wrong shape) a type error.
import { z } from 'zod'
import type { Invoke } from '@shared/ipc/contract'
import { callQuerySchema } from '../store/callQuery.schema'
import { listStateSchema, savedViewInputSchema } from '../store/views.schema'
import { annotationInputSchema, callIdSchema as callId, LABEL_MAX, rubricInputSchema, scoreInputSchema, statusSchema, TAG_MAX, tagSchema } from '../review/review.schema'

type Schemas = { [C in keyof Invoke]: z.ZodType<Parameters<Invoke[C]>> }

const none = z.tuple([])

export const argSchemas: Schemas = {
  'app:info': none,
  'settings:setApiKey': z.tuple([z.string().max(4096)]),
  'settings:hasApiKey': none,
  'settings:clearApiKey': none,
  'settings:get': none,
  'settings:update': z.tuple([z.record(z.string(), z.unknown())]),
  'workspace:connect': z.tuple([z.string().max(4096)]),
  'workspace:openDemo': none,
  'views:list': none,
  'views:save': z.tuple([savedViewInputSchema]),
  'views:delete': z.tuple([z.string().uuid()]),
  'ui:getListState': none,
  'ui:setListState': z.tuple([listStateSchema]),
  'calls:list': z.tuple([callQuerySchema]),
  'calls:facets': z.tuple([callQuerySchema]),
  'calls:get': z.tuple([callId]),
  'sync:start': none,
  'sync:cancel': none,
  'sync:status': none,
  'media:open': z.tuple([callId]),
  'media:setAgentChannel': z.tuple([callId, z.union([z.literal(0), z.literal(1), z.literal('auto')])]),
  'review:get': z.tuple([callId]),
  'review:saveAnnotation': z.tuple([annotationInputSchema]),
  'review:deleteAnnotation': z.tuple([z.uuid()]),
  'review:undo': z.tuple([callId]),
  'review:setTags': z.tuple([callId, z.array(tagSchema).max(50)]),
  'review:tagSuggestions': z.tuple([z.string().max(TAG_MAX)]),
  'review:labelSuggestions': z.tuple([z.string().max(LABEL_MAX)]),
  'review:listRubrics': none,
  'review:saveRubric': z.tuple([rubricInputSchema]),
  'review:saveScore': z.tuple([scoreInputSchema]),
  'review:setStatus': z.tuple([callId, statusSchema]),
  'review:next': z.tuple([z.uuid()]),
}
