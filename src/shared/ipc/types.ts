// Plain data types that cross the bridge for the app and settings channels.

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
