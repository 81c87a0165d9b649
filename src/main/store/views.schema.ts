// Schemas of saved views and the list state: parsed when they arrive over IPC and again when read
// back from the workspace, so a hand-edited or older row cannot break the call list.
import { z } from 'zod'
import { CALL_COLUMNS, type ListLayout, type ListState, type SavedViewInput } from '@shared/settings'
import { callQuerySchema } from './callQuery.schema'

export const listLayoutSchema = z
  .object({
    columns: z.array(z.enum(CALL_COLUMNS)).min(1).max(CALL_COLUMNS.length),
    widths: z.partialRecord(z.enum(CALL_COLUMNS), z.number().int().min(30).max(2000)),
  })
  .strict() satisfies z.ZodType<ListLayout>

export const savedViewInputSchema = z
  .object({
    id: z.string().uuid().optional(),
    name: z.string().trim().min(1, 'A view needs a name').max(80),
    query: callQuerySchema,
    layout: listLayoutSchema,
  })
  .strict() satisfies z.ZodType<SavedViewInput>

export const listStateSchema = z
  .object({ query: callQuerySchema, layout: listLayoutSchema, viewId: z.string().uuid().nullable() })
  .strict() satisfies z.ZodType<ListState>
