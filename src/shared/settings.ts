// User settings and saved views: what the renderer may read and change (stored in the workspace).
import type { CallQuery } from './query'

export interface Settings {
  /** Atoms API base URL. */
  baseUrl: string
  /** Minutes between background syncs while the app runs; 0 = only on demand. */
  syncIntervalMin: number
  /** API requests per second Earmark allows itself (the plan's limit: Free 10, Pro 100). */
  requestsPerSecond: number
  /** Storage budget for downloaded recordings, in megabytes. */
  recordingBudgetMb: number
  /** Which stereo channel of a dual recording is the agent: detected, or fixed. */
  agentChannel: 'auto' | '0' | '1'
  /** Response latency thresholds (ms): above warn is amber, above bad is red. */
  latencyWarnMs: number
  latencyBadMs: number
  reviewerName: string
  /** True while the app is connected to the built-in demo emulator. */
  demo: boolean
}

/** In display order: what a reviewer scans first comes first, so matches stay in view. */
export const CALL_COLUMNS = [
  'createdAt', 'id', 'status', 'agent', 'duration', 'summary', 'type', 'from', 'to', 'reason', 'cost', 'latency', 'review', 'score', 'tags',
] as const
export type CallColumn = (typeof CALL_COLUMNS)[number]

/** What the call list shows: the query plus the columns and their widths. */
export interface ListLayout {
  columns: CallColumn[]
  widths: Partial<Record<CallColumn, number>>
}

export interface SavedView {
  id: string
  name: string
  query: CallQuery
  layout: ListLayout
  createdMs: number
  updatedMs: number
}

export interface SavedViewInput {
  /** Present to update an existing view. */
  id?: string
  name: string
  query: CallQuery
  layout: ListLayout
}

/** The call list's last state, restored at the next start. */
export interface ListState {
  query: CallQuery
  layout: ListLayout
  viewId: string | null
}
