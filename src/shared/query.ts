// The query language of the local call list, shared by the renderer (filter bar), the IPC
// contract and the CLI. Everything here is answered from the cache, not the API.
import type { ReviewFilter, ReviewSummary } from './review'

export const CALL_SORT_COLUMNS = [
  'createdAt', 'updatedAt', 'duration', 'cost', 'latency', 'status', 'type', 'agent', 'from', 'to', 'reason', 'id',
] as const
export type CallSortColumn = (typeof CALL_SORT_COLUMNS)[number]

export interface DispositionFilter {
  identifier: string
  values: string[]
}

export interface CallQuery {
  statuses?: string[]
  types?: string[]
  reasons?: string[]
  agentIds?: string[]
  campaignIds?: string[]
  /** ISO instants, inclusive, on the call's creation time. */
  createdFrom?: string
  createdTo?: string
  durationMin?: number
  durationMax?: number
  costMin?: number
  costMax?: number
  latencyMin?: number
  latencyMax?: number
  hasRecording?: boolean
  isTest?: boolean
  dispositions?: DispositionFilter[]
  /** What reviewers wrote (workspace): status, tags, annotations, score. */
  review?: ReviewFilter
  /** Words in transcripts and summaries; call ids and phone numbers by substring. */
  text?: string
  sortBy?: CallSortColumn
  sortOrder?: 'asc' | 'desc'
  offset?: number
  limit?: number
}

export interface CallRow {
  id: string
  status: string
  type: string
  createdAt: string
  durationS: number
  from: string
  to: string
  agentId: string | null
  agentName: string | null
  campaignId: string | null
  disconnectReason: string | null
  costCredits: number | null
  avgLatencyMs: number | null
  summary: string | null
  /** Matching words wrapped in HIGHLIGHT_START / HIGHLIGHT_END, when the query has text. */
  snippet: string | null
  hasRecording: boolean
  isTest: boolean
  /** Its detail (transcript) is stored, possibly from before the call's latest change. */
  hasDetail: boolean
  /** The review columns, from the workspace. */
  review: ReviewSummary
}

export const HIGHLIGHT_START = '\u0002'
export const HIGHLIGHT_END = '\u0003'

export interface CallPage {
  rows: CallRow[]
  total: number
  offset: number
  limit: number
}

export interface FacetCount {
  value: string
  label: string
  count: number
}

export interface CallFacets {
  statuses: FacetCount[]
  types: FacetCount[]
  reasons: FacetCount[]
  agents: FacetCount[]
  campaigns: FacetCount[]
}
