// Zod schemas of the Atoms wire format (atoms-api.md), deliberately tolerant: unknown keys pass
// through, enums are plain strings, optional fields may be missing, null or empty, numbers may
// come as numeric strings, and older shapes (transcript as string[], numeric timestamps,
// disposition metrics as a map or an array) are accepted. Only callId, status and createdAt are
// required of a call: without them it cannot be stored.
import { z } from 'zod'

const numeric = z.union([z.number(), z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number)])
const optNum = numeric.nullish().transform((v) => v ?? null)
const optStr = z.string().nullish().transform((v) => (v === undefined || v === null || v === '' ? null : v))
const optBool = z.union([z.boolean(), z.literal('true').transform(() => true), z.literal('false').transform(() => false)]).nullish()
const instant = z.union([
  z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'is not a date'),
  z.number().transform((ms) => new Date(ms).toISOString()),
])

export const dispositionResultWire = z.looseObject({
  identifier: z.string(),
  value: z.unknown(),
  confidence: optNum,
  reasoning: optStr,
})
export const dispositionsWire = z.union([z.array(dispositionResultWire), z.record(z.string(), z.unknown())]).nullish()

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
  callId: z.string().min(1),
  _id: optStr,
  status: z.string().min(1),
  createdAt: instant,
  updatedAt: instant.nullish(),
  duration: optNum,
  from: optStr,
  to: optStr,
  type: optStr,
  agentId: optStr,
  agentName: optStr,
  campaignId: optStr,
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

const turnWire = z.union([
  z.string(),
  z.looseObject({ role: z.string().nullish(), content: z.string().nullish(), text: z.string().nullish(), timestamp: z.union([z.string(), z.number()]).nullish() }),
])

export const callDetailWire = callItemWire.extend({
  transcript: z.array(turnWire).nullish(),
  events: z.array(z.record(z.string(), z.unknown())).nullish(),
  variables: z.record(z.string(), z.unknown()).nullish(),
  agent: z.looseObject({ _id: optStr, name: optStr }).nullish(),
  voiceConfigUsed: z.looseObject({ model: optStr, voiceId: optStr, gender: optStr }).nullish(),
  slmModelUsed: optStr,
})
export type CallDetailWire = z.infer<typeof callDetailWire>

export const listDataWire = z.looseObject({
  logs: z.array(z.unknown()),
  pagination: z
    .looseObject({ total: optNum, page: optNum, limit: optNum, hasMore: z.boolean().nullish(), totalPages: optNum })
    .nullish(),
})

export const searchDataWire = z.looseObject({ logs: z.array(z.unknown()), total: optNum, requestedCount: optNum })

export const downloadUrlWire = z.looseObject({ presignedUrl: z.string().url() })
