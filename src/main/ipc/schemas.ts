// Argument schemas for every invoke channel: what the renderer sends is `unknown` until parsed
// here. The mapped type makes a channel without a schema (or with the wrong shape) a type error.
import { z } from 'zod'
import type { Invoke } from '@shared/ipc/contract'
import { callQuerySchema } from '../store/callQuery.schema'
import { CALL_ID_PATTERN } from '../media/callId'
import { listStateSchema, savedViewInputSchema } from '../store/views.schema'

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
  'calls:get': z.tuple([z.string().regex(CALL_ID_PATTERN, 'must be a call id')]),
  'sync:start': none,
  'sync:cancel': none,
  'sync:status': none,
}
