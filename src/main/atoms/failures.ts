// HTTP outcomes → AppError: the one place that decides which code and which words a failed Atoms
// request becomes. Every message passes through redact(), because server text can echo anything
// (a key pasted into a query, a bearer header). The x-request-id is quoted where support needs it.
import { AppError } from '@shared/errors'
import { redact } from '../log'
import { errorMessages } from './retryPolicy'

/** One failed attempt, as http.ts observed it. */
export type Failure =
  | { kind: 'status'; status: number; body: unknown; headers: Headers; requestId: string | null }
  | { kind: 'network'; reason: string }
  | { kind: 'timeout'; reason: string }
  | { kind: 'malformed'; status: number; reason: string; requestId: string | null }

export interface FailureContext {
  /** Host of the API, named in OFFLINE messages. */
  host: string
  /** The thing asked for, named in NOT_FOUND and FORBIDDEN messages, e.g. "Call CALL-…". */
  what?: string
  attempts: number
}

export const UNAUTHORIZED_MESSAGE = 'The Atoms API refused the API key. Check the key in Settings.'

const ref = (f: { requestId: string | null }) => (f.requestId ? ` (request id ${f.requestId})` : '')
const said = (body: unknown, lead = ': ') => {
  const m = errorMessages(body).join('; ')
  return m ? `${lead}${m.length > 300 ? m.slice(0, 300) + '…' : m}` : ''
}
const err = (...args: ConstructorParameters<typeof AppError>) => new AppError(args[0], redact(args[1]), args[2])

/** Short words for logs and onRetry, e.g. "HTTP 503" or "ECONNRESET". */
export function describeFailure(f: Failure): string {
  if (f.kind === 'status') return `HTTP ${f.status}`
  if (f.kind === 'malformed') return `unreadable response (HTTP ${f.status}: ${f.reason})`
  return f.reason
}

/** A status that is not worth retrying (400, 401, 403, 404, other 4xx, 501…). */
export function statusError(f: Extract<Failure, { kind: 'status' }>, ctx: FailureContext): AppError {
  const what = ctx.what ?? 'The requested resource'
  switch (f.status) {
    case 401:
      return err('UNAUTHORIZED', UNAUTHORIZED_MESSAGE)
    case 403:
      return err('FORBIDDEN', `The Atoms API refused access to ${what.charAt(0).toLowerCase() + what.slice(1)} (HTTP 403)${said(f.body)}${ref(f)}.`)
    case 404:
      return err('NOT_FOUND', `${what} was not found on the Atoms API${said(f.body, ' — ')}${ref(f)}.`)
    case 409:
      return err('CONFLICT', `The Atoms API reported a conflict (HTTP 409)${said(f.body)}${ref(f)}.`)
  }
  if (f.status >= 500) return err('INTERNAL', `The Atoms API failed (HTTP ${f.status})${said(f.body)}${ref(f)}.`, { retryable: true })
  return err('INVALID_INPUT', `The Atoms API rejected the request (HTTP ${f.status})${said(f.body)}${ref(f)}.`)
}

/** The error after the last attempt of a retryable failure, or when the server asks for too long a wait. */
export function exhausted(f: Failure, ctx: FailureContext, askedMs: number | null, maxWaitMs: number): AppError {
  const tries = `${ctx.attempts} attempt${ctx.attempts === 1 ? '' : 's'}`
  switch (f.kind) {
    case 'network':
    case 'timeout':
      return err('OFFLINE', `Cannot reach ${ctx.host}: ${f.reason} (${tries}).`)
    case 'malformed':
      return err('INTERNAL', `The Atoms API sent a response Earmark cannot read (HTTP ${f.status}: ${f.reason}) after ${tries}${ref(f)}.`, { retryable: true })
  }
  const tooLong = askedMs !== null && askedMs > maxWaitMs
  const wait = tooLong ? `asked Earmark to wait ${Math.ceil(askedMs / 1000)} s, longer than the ${Math.round(maxWaitMs / 1000)} s it waits; ` : ''
  if (f.status === 429) return err('RATE_LIMITED', `The Atoms API is rate limiting Earmark (HTTP 429): ${wait || `still refused after ${tries}; `}try again later${ref(f)}.`)
  return err('INTERNAL', `The Atoms API failed (HTTP ${f.status}) after ${tries}${tooLong ? ` and ${wait.replace(/; $/, '')}` : ''}${ref(f)}.`, { retryable: true })
}

/** "150 ms" or "30 s", for timeout messages. */
export const formatMs = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms)} ms`)

/** undici hides the useful part in `cause`: "other side closed (UND_ERR_SOCKET)", "connect ECONNREFUSED …". */
export function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | null)?.cause
  const code = typeof cause?.code === 'string' ? cause.code : null
  const message = typeof cause?.message === 'string' && cause.message ? cause.message : e instanceof Error ? e.message : String(e)
  return redact(code && !message.includes(code) ? `${message} (${code})` : message)
}
