// Zod schemas of the Atoms wire format (atoms-api.md §3–§7), deliberately tolerant: unknown keys
// pass through (looseObject), enums are plain strings, optional fields may be missing, null or
// empty, numbers may come as numeric strings, and older shapes (transcript as string[], numeric
// timestamps, disposition metrics as a map or an array) are accepted.
// Strictness rule: a documented field (tag D) with a value of the wrong type fails the item, which
// the mapper reports as a PayloadIssue; a field the spec only infers (tag I: updatedAt,
// campaignId, agentName) is read when it makes sense and otherwise becomes null, so a guess about
// the server can never hide a call. Only callId, status and createdAt are required of a list item.
import { z } from 'zod'

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/
/** Messages of PayloadIssue read "<field> is missing" / "<field> is not a number". */
const is = (what: string) => ({ error: (iss: { input?: unknown }) => (iss.input === undefined ? 'is missing' : `is not ${what}`) })
const required = z.string(is('text')).min(1, 'is empty')
const numeric = z.union([z.number(), z.string().regex(NUMERIC).transform(Number)], is('a number'))
const optNum = numeric.nullish().transform((v) => v ?? null)
/** Strings; an empty string means "not there yet" (recording URLs) and numbers are read as text. */
const optStr = z
  .union([z.string(), z.number().transform(String)], is('text'))
  .nullish()
  .transform((v) => (v === undefined || v === null || v === '' ? null : v))
const optBool = z.union([z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true')], is('true or false')).nullish()
/** An instant as ISO-8601 (normalised, so the cache sorts by text), or epoch ms from old payloads. */
const instant = z
  .union([z.string(), z.number()], is('a date'))
  .refine((v) => !Number.isNaN(new Date(v).getTime()), 'is not a date')
  .transform((v) => new Date(v).toISOString())
/** For inferred (I) fields: a wrong type is read as absent, never as a broken call. */
const lenient = <T extends z.ZodType>(schema: T) => schema.nullish().catch(null)

const dispositionEntry = z.looseObject({ identifier: z.string().min(1), value: z.unknown(), confidence: optNum, reasoning: optStr })

/** Map {id: value} (list items, old analytics) or array [{identifier, value, …}] (analytics). */
export const dispositionsWire = z
  .union([
    // Array entries without an identifier cannot be shown; they are left out, the raw JSON keeps them.
    z.array(z.unknown()).transform((items) => items.flatMap((i) => { const r = dispositionEntry.safeParse(i); return r.success ? [r.data] : [] })),
    z.record(z.string(), z.unknown()),
  ])
  .nullish()
export type DispositionsWire = z.infer<typeof dispositionsWire>

const transitionWire = z.looseObject({ turn: numeric, user_end: optNum, bot_start: optNum, latency: numeric })

export const latencyWire = z
  .looseObject({
    turns: optNum,
    avgLatency: optNum,
    medianLatency: optNum,
    minLatency: optNum,
    maxLatency: optNum,
    latencies: z.array(numeric).nullish(),
    transitions: z.array(transitionWire).nullish(),
    processedAt: optStr,
  })
  .nullish()

export const callItemWire = z.looseObject({
  callId: required,
  _id: optStr,
  status: required,
  createdAt: instant,
  updatedAt: lenient(instant),
  duration: optNum,
  from: optStr,
  to: optStr,
  type: optStr,
  agentId: optStr,
  agentName: lenient(optStr),
  campaignId: lenient(optStr),
  recordingUrl: optStr,
  recordingDualUrl: optStr,
  disconnectionReason: optStr,
  callFailureReason: optStr,
  callCost: optNum,
  retryCount: optNum,
  retryAttemptNumber: optNum,
  retryCallId: optStr,
  isTest: optBool,
  versionId: optStr,
  versionNumber: optNum,
  dispositionMetrics: dispositionsWire,
  postCallAnalytics: z.looseObject({ summary: optStr, dispositionMetrics: dispositionsWire }).nullish(),
  turnLatencyMetrics: latencyWire,
  average_transcriber_latency: optNum,
  average_agent_latency: optNum,
  average_synthesizer_latency: optNum,
})
export type CallItemWire = z.infer<typeof callItemWire>

/** Current {role, content, timestamp: ISO}; older {timestamp: ms}; E8's `text`; oldest plain strings. */
const turnWire = z.union([
  z.string(),
  z.looseObject({
    role: optStr,
    content: z.string().nullish(),
    text: z.string().nullish(),
    timestamp: z.union([z.string(), z.number()], is('a time')).nullish(),
  }),
], is('a turn'))
export type TurnWire = z.infer<typeof turnWire>

export const callDetailWire = callItemWire.extend({
  transcript: z.array(turnWire, is('a list')).nullish(),
  events: z.array(z.record(z.string(), z.unknown())).nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  agent: z.looseObject({ _id: optStr, name: optStr }).nullish(),
  voiceConfigUsed: z.looseObject({ model: optStr, voiceId: optStr, gender: optStr }).nullish(),
  slmModelUsed: optStr,
})
export type CallDetailWire = z.infer<typeof callDetailWire>

/** Pagination numbers that do not parse are recomputed from the page (see client.listCalls). */
const pageNum = numeric.nullish().catch(null)

export const listDataWire = z.looseObject({
  logs: z.array(z.unknown()),
  pagination: z
    .looseObject({ total: pageNum, page: pageNum, limit: pageNum, hasMore: z.boolean().nullish().catch(null), totalPages: pageNum })
    .nullish()
    .catch(null),
})

export const searchDataWire = z.looseObject({ logs: z.array(z.unknown()), total: optNum.catch(null), requestedCount: optNum.catch(null) })

export const downloadUrlWire = z.looseObject({ presignedUrl: z.url({ protocol: /^https?$/ }) })
