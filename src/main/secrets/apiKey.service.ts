// The Atoms API key, held only in the main process and stored encrypted with Electron's
// safeStorage (passed in as an Encryptor so the CLI and tests can supply their own).
// Crossing out of this module: whether a key exists and how well it is protected. The key itself
// leaves only through getKey(), which main's Atoms client calls; no IPC handler returns it.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { AppError } from '@shared/errors'
import type { KeyProtection, KeyStatus } from '@shared/ipc/types'
import { addSecret, logger } from '../log'

/** The subset of Electron's safeStorage this service needs. */
export interface Encryptor {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(encrypted: Buffer): string
  getSelectedStorageBackend?(): string
}

const log = logger('secrets')

const WARNINGS: Record<KeyProtection, string | null> = {
  os: null,
  basic_text:
    'No system keyring was found, so the API key is only obfuscated on disk, not encrypted. ' +
    'Install and unlock a keyring (GNOME Keyring or KWallet) to protect it.',
  unavailable:
    'This system offers no way to encrypt the API key, so it is kept in memory for this session only ' +
    'and must be entered again after a restart.',
}

export function parseApiKey(raw: unknown): string {
  if (typeof raw !== 'string') throw new AppError('INVALID_INPUT', 'The API key must be text.')
  const key = raw.trim()
  if (key.length === 0) throw new AppError('INVALID_INPUT', 'The API key is empty.')
  if (key.length < 8 || key.length > 512) {
    throw new AppError('INVALID_INPUT', 'That does not look like an Atoms API key (expected 8 to 512 characters, usually starting with "sk_").')
  }
  if (/\s/.test(key)) throw new AppError('INVALID_INPUT', 'The API key must not contain spaces or line breaks.')
  return key
}

export class ApiKeyService {
  private memoryKey: string | null = null

  constructor(
    private readonly file: string,
    private readonly encryptor: Encryptor,
  ) {}

  protection(): KeyProtection {
    if (!this.encryptor.isEncryptionAvailable()) return 'unavailable'
    return this.encryptor.getSelectedStorageBackend?.() === 'basic_text' ? 'basic_text' : 'os'
  }

  status(): KeyStatus {
    const protection = this.protection()
    return { hasKey: this.getKey() !== null, protection, warning: WARNINGS[protection] }
  }

  set(raw: unknown): KeyStatus {
    const key = parseApiKey(raw)
    addSecret(key)
    if (this.protection() === 'unavailable') {
      this.memoryKey = key
      log.warn('no encryption available: the API key is kept in memory only')
      return this.status()
    }
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 })
    const tmp = `${this.file}.tmp`
    writeFileSync(tmp, this.encryptor.encryptString(key), { mode: 0o600 })
    renameSync(tmp, this.file)
    this.memoryKey = key
    log.info(`API key stored (${this.protection()})`)
    return this.status()
  }

  clear(): KeyStatus {
    this.memoryKey = null
    rmSync(this.file, { force: true })
    log.info('API key cleared')
    return this.status()
  }

  /** For main's own use only (the Atoms client). Never returned over IPC. */
  getKey(): string | null {
    if (this.memoryKey) return this.memoryKey
    let blob: Buffer
    try {
      blob = readFileSync(this.file)
    } catch {
      return null
    }
    try {
      const key = this.encryptor.decryptString(blob)
      addSecret(key)
      this.memoryKey = key
      return key
    } catch (err) {
      log.warn('the stored API key could not be decrypted; it must be entered again', err)
      return null
    }
  }
}
