// Plain data types that cross the bridge for the app, settings and calls channels.
import type { CallDetail, CallSummary } from '../domain'

export interface AppInfo {
  name: string
  version: string
  platform: string
  dataDir: string
  electron: string | null
}

/**
 * How the API key is held. `os` is real encryption by the OS keychain; `basic_text` is
 * Electron's Linux fallback with a hard-coded password (obfuscation, not protection);
 * `unavailable` means the key cannot be stored at all.
 */
export type KeyProtection = 'os' | 'basic_text' | 'unavailable'

export interface KeyStatus {
  hasKey: boolean
  protection: KeyProtection
  /** A sentence for the user when protection is weak or missing, else null. */
  warning: string | null
}

/** One call as the call view gets it: the detail when cached or just fetched, else the summary. */
export interface CallView {
  call: CallSummary | CallDetail
  hasDetail: boolean
  /** Why the detail is missing, in words for the user, or null. */
  detailError: string | null
}
