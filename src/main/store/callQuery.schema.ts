// Parses a CallQuery from anything (IPC arguments, CLI flags, saved views on disk): unknown keys
// are refused so a typo is an error rather than a silently ignored filter.
import { z } from 'zod'
import { CALL_SORT_COLUMNS, type CallQuery } from '@shared/query'
import { reviewFilterSchema } from '../review/review.schema'

const list = z.array(z.string().min(1).max(200)).max(500)
const num = z.number().finite()
const iso = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO date-time')

export const MAX_PAGE = 500

export const callQuerySchema = z
  .object({
    statuses: list,
    types: list,
    reasons: list,
    agentIds: list,
    campaignIds: list,
    createdFrom: iso,
    createdTo: iso,
    durationMin: num,
    durationMax: num,
    costMin: num,
    costMax: num,
    latencyMin: num,
    latencyMax: num,
    hasRecording: z.boolean(),
    isTest: z.boolean(),
    dispositions: z.array(z.object({ identifier: z.string().min(1).max(200), values: list }).strict()).max(50),
    review: reviewFilterSchema,
    text: z.string().max(500),
    sortBy: z.enum(CALL_SORT_COLUMNS),
    sortOrder: z.enum(['asc', 'desc']),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1).max(MAX_PAGE),
  })
  .partial()
  .strict() satisfies z.ZodType<CallQuery>
