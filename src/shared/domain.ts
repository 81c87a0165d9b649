// Earmark's one domain model of a call, used by every side. The Atoms client maps the wire
// payloads (old and new shapes) into these types; the cache stores them; the renderer shows them.
// Enumerations are open: the platform adds statuses, types and reasons over time, and an unknown
// value must be kept as the string it is, never dropped.

/** Statuses documented now or in the past (busy is from the older spec). */
export const KNOWN_STATUSES = [
  'pending', 'in_queue', 'in_progress', 'processing', 'active',
  'completed', 'failed', 'no_answer', 'cancelled', 'busy',
] as const
/** A call in one of these states will not change any more (apart from late analytics). */
export const FINISHED_STATUSES: readonly string[] = ['completed', 'failed', 'no_answer', 'cancelled', 'busy']

export const KNOWN_CALL_TYPES = ['telephony_inbound', 'telephony_outbound', 'webcall', 'chat'] as const
export const KNOWN_DISCONNECT_REASONS = [
  'user_hangup', 'agent_hangup', 'dial_no_answer', 'timeout', 'connection_error', 'system_error', 'transfer_complete',
] as const
export const DURATION_BUCKETS = ['0-30', '30-60', '1-5', '5+'] as const
export const CALL_ATTEMPTS = ['initial', 'retry', 'all'] as const
export const SORT_FIELDS = ['createdAt', 'updatedAt', 'callDuration', 'avgLatency'] as const

export type CallStatus = (typeof KNOWN_STATUSES)[number] | (string & {})
export type CallType = (typeof KNOWN_CALL_TYPES)[number] | (string & {})
export type DisconnectReason = (typeof KNOWN_DISCONNECT_REASONS)[number] | (string & {})
export type DurationBucket = (typeof DURATION_BUCKETS)[number]
export type CallAttempt = (typeof CALL_ATTEMPTS)[number]
export type SortField = (typeof SORT_FIELDS)[number]
export type SortOrder = 'asc' | 'desc'

export interface DispositionResult {
  identifier: string
  value: string
  /** 0..1, null when the platform gave none. */
  confidence: number | null
  reasoning: string | null
}

export interface LatencyTransition {
  turn: number
  userEndMs: number | null
  botStartMs: number | null
  latencyMs: number
}

/** Response latency of the agent, all in milliseconds. */
export interface LatencyStats {
  turns: number | null
  avgMs: number | null
  medianMs: number | null
  minMs: number | null
  maxMs: number | null
  perTurnMs: number[]
  transitions: LatencyTransition[]
  processedAt: string | null
  /** The deprecated average_*_latency fields, as sent (unit undocumented). */
  legacy: { transcriber: number | null; agent: number | null; synthesizer: number | null } | null
}

/** A call as the list and search endpoints give it (no transcript). */
export interface CallSummary {
  /** The callId, e.g. CALL-1767268800123-9f3a2c: Earmark's key for a call. */
  id: string
  /** The platform's database id (_id), when sent. */
  dbId: string | null
  status: CallStatus
  type: CallType
  durationS: number
  from: string
  to: string
  agentId: string | null
  agentName: string | null
  campaignId: string | null
  createdAt: string
  updatedAt: string | null
  disconnectReason: DisconnectReason | null
  failureReason: string | null
  /** Discounted total cost in credits. */
  costCredits: number | null
  /** null when absent or empty (not yet available). */
  recordingUrl: string | null
  recordingDualUrl: string | null
  retryCount: number
  retryAttemptNumber: number
  retryCallId: string | null
  isTest: boolean
  versionId: string | null
  versionNumber: number | null
  /** The flat identifier → value map the list endpoint sends. */
  dispositions: Record<string, string>
  summary: string | null
  dispositionResults: DispositionResult[]
  latency: LatencyStats | null
}

export interface TranscriptTurn {
  index: number
  /** 'agent' | 'user', or whatever else the platform sends. */
  role: string
  text: string
  /** Wall-clock ISO time of the turn as sent (not an offset into the recording). */
  at: string | null
  /** Older payloads sent a number: milliseconds from call start. */
  offsetMs: number | null
}

export interface CallDetail extends CallSummary {
  transcript: TranscriptTurn[]
  events: Record<string, unknown>[]
  variables: Record<string, unknown>
  agent: { id: string | null; name: string | null; raw: Record<string, unknown> } | null
  voice: { model: string | null; voiceId: string | null; gender: string | null } | null
  slmModel: string | null
}

/** An item of a payload that could not be understood; the rest of the payload still counts. */
export interface PayloadIssue {
  callId: string | null
  field: string
  message: string
}

export interface CallListPage {
  calls: CallSummary[]
  /** The raw JSON of each call in `calls`, same order, kept for fidelity in the cache. */
  raw: Record<string, unknown>[]
  total: number
  page: number
  limit: number
  hasMore: boolean
  totalPages: number
  issues: PayloadIssue[]
}

export interface CallSearchResult {
  calls: CallSummary[]
  raw: Record<string, unknown>[]
  requested: number
  /** Requested ids the platform did not return (unknown or another organisation's). */
  missing: string[]
  issues: PayloadIssue[]
}

/** Query of GET /conversation, in Earmark's words; the client maps it to the wire parameters. */
export interface ListCallsParams {
  page?: number
  limit?: number
  agentIds?: string[]
  campaignIds?: string[]
  callTypes?: string[]
  search?: string
  statuses?: string[]
  disconnectReasons?: string[]
  callAttempts?: CallAttempt[]
  durations?: DurationBucket[]
  sortBy?: SortField
  sortOrder?: SortOrder
  dateFrom?: string
  dateTo?: string
  versionIds?: string[]
}
