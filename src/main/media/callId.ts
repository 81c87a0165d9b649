// A call id becomes part of file paths and URLs, so it is checked against one pattern everywhere
// (CALL-<epoch ms>-<hex> in practice; letters, digits, - and _ are accepted for future formats).
import { AppError } from '@shared/errors'

export const CALL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/

export function assertCallId(callId: string): void {
  if (!CALL_ID_PATTERN.test(callId)) throw new AppError('INVALID_INPUT', `"${callId.slice(0, 40)}" is not a call id.`)
}
