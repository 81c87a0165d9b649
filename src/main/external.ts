// The one way a link leaves the app: only well-formed https: URLs are handed to the OS browser.
import { shell } from 'electron'
import { logger } from './log'

const log = logger('external')

export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw)
    return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === ''
  } catch {
    return false
  }
}

export function openExternalSafe(raw: string): boolean {
  if (!isSafeExternalUrl(raw)) {
    log.warn(`refused to open external link ${raw.slice(0, 120)}`)
    return false
  }
  void shell.openExternal(raw)
  return true
}
