// What the sync engine reports while it works; pushed to the renderer and drawn by the CLI.

export type SyncPhase = 'list' | 'refresh' | 'details' | 'recordings'

export interface SyncProgress {
  running: boolean
  phase: SyncPhase | null
  /** Items done in this phase, and the total when known. */
  done: number
  total: number | null
  /** Items per second over the last few seconds. */
  ratePerS: number
  etaS: number | null
  message: string
  /** When the last complete sync finished (epoch ms), or null. */
  lastSyncMs: number | null
  /** Set when the last run failed: a message for the user and whether trying again may help. */
  error: { code: string; message: string; retryable: boolean } | null
}

export interface SyncSummary {
  listed: number
  inserted: number
  updated: number
  refreshed: number
  details: number
  detailFailures: number
  recordings: number
  issues: number
  durationMs: number
}
