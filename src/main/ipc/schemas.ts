// Argument schemas for every invoke channel: what the renderer sends is `unknown` until parsed
// here. The mapped type makes a channel without a schema (or with the wrong shape) a type error.
import { z } from 'zod'
import type { Invoke } from '@shared/ipc/contract'

type Schemas = { [C in keyof Invoke]: z.ZodType<Parameters<Invoke[C]>> }

const none = z.tuple([])

export const argSchemas: Schemas = {
  'app:info': none,
  'settings:setApiKey': z.tuple([z.string().max(4096)]),
  'settings:hasApiKey': none,
  'settings:clearApiKey': none,
}
