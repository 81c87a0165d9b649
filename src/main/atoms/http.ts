// Every request to the Atoms API goes through request(): rate limiter, bearer auth, per-attempt
// timeout combined with the caller's AbortSignal, retries with backoff, and one mapping from
// HTTP outcomes to AppError codes. The key is read per request (it can change in Settings) and
// appears in no message or log line.
import { AppError } from '@shared/errors'
import { logger } from '../log'
import type { RateLimiter } from './rateLimiter'
import { backoffDelay, errorMessages, retryAfterMs, RETRYABLE_STATUS } from './retryPolicy'
import { abortable, cancelled } from './sleep'

const log = logger('atoms')

export interface HttpConfig {
  baseUrl: string
  apiKey: () => string | null
  limiter: RateLimiter
  timeoutMs: number
  maxRetries: number
  baseDelayMs: number
  maxDelayMs: number
  /** A Retry-After longer than this fails with RATE_LIMITED instead of hanging. */
  maxRetryAfterMs: number
  fetch: typeof fetch
  random: () => number
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>
  body?: unknown
  signal?: AbortSignal
  /** Names the thing asked for in a NOT_FOUND message, e.g. "Call CALL-…". */
  what?: string
}

type Failure = { kind: 'status'; status: number; body: unknown; requestId: string | null; headers: Headers } | { kind: 'network'; reason: string } | { kind: 'malformed'; status: number }

export function buildUrl(baseUrl: string, path: string, query: RequestOptions['query'] = {}): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path)
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v))
  return url.toString()
}

const host = (baseUrl: string) => new URL(baseUrl).host

export async function request(cfg: HttpConfig, method: 'GET' | 'POST', path: string, opts: RequestOptions = {}): Promise<unknown> {
  const url = buildUrl(cfg.baseUrl, path, opts.query)
  let last: Failure | null = null
  for (let attempt = 0; attempt <= cfg.maxRetries; attempt++) {
    await cfg.limiter.take(opts.signal)
    const key = cfg.apiKey()
    if (!key) throw new AppError('UNAUTHORIZED', 'No Atoms API key is set. Add one in Settings.')
    const outcome = await attemptOnce(cfg, method, url, key, opts)
    if (outcome.ok) {
      cfg.limiter.onSuccess()
      return outcome.data
    }
    last = outcome.failure
    const retryable = last.kind !== 'status' || RETRYABLE_STATUS.has(last.status)
    if (!retryable) throw statusError(last as Extract<Failure, { kind: 'status' }>, cfg, opts)
    if (attempt === cfg.maxRetries) break
    let delay = backoffDelay(attempt, cfg)
    if (last.kind === 'status') {
      if (last.status === 429) cfg.limiter.onRateLimited()
      const asked = retryAfterMs(last.headers, last.body)
      if (asked !== null) {
        if (asked > cfg.maxRetryAfterMs) break
        delay = asked + Math.round(cfg.random() * 250)
      }
    }
    const reason = describe(last)
    log.debug(`retrying ${method} ${path} in ${delay} ms: ${reason}`)
    cfg.onRetry?.({ attempt: attempt + 1, delayMs: delay, reason })
    await abortable(delay, opts.signal)
  }
  throw exhausted(last!, cfg, attempts(cfg))
}

const attempts = (cfg: HttpConfig) => cfg.maxRetries + 1

async function attemptOnce(
  cfg: HttpConfig,
  method: string,
  url: string,
  key: string,
  opts: RequestOptions,
): Promise<{ ok: true; data: unknown } | { ok: false; failure: Failure }> {
  const timeout = AbortSignal.timeout(cfg.timeoutMs)
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout
  let res: Response
  let text: string
  try {
    res = await cfg.fetch(url, {
      method,
      signal,
      headers: {
        authorization: `Bearer ${key}`,
        accept: 'application/json',
        'x-source': 'earmark',
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    })
    text = await res.text()
  } catch (err) {
    if (opts.signal?.aborted) throw cancelled()
    const reason = timeout.aborted ? `no answer within ${Math.round(cfg.timeoutMs / 1000)} s` : networkReason(err)
    return { ok: false, failure: { kind: 'network', reason } }
  }
  let body: unknown = null
  try {
    body = text === '' ? null : JSON.parse(text)
  } catch {
    if (res.ok) return { ok: false, failure: { kind: 'malformed', status: res.status } }
  }
  if (res.ok) {
    const envelope = body as { status?: unknown; data?: unknown } | null
    if (!envelope || typeof envelope !== 'object' || !('data' in envelope)) return { ok: false, failure: { kind: 'malformed', status: res.status } }
    return { ok: true, data: envelope.data }
  }
  return { ok: false, failure: { kind: 'status', status: res.status, body, requestId: res.headers.get('x-request-id'), headers: res.headers } }
}

function networkReason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))
}

function describe(f: Failure): string {
  if (f.kind === 'network') return f.reason
  if (f.kind === 'malformed') return `unreadable response (HTTP ${f.status})`
  return `HTTP ${f.status}`
}

const ref = (f: { requestId: string | null }) => (f.requestId ? ` (request id ${f.requestId})` : '')

function statusError(f: Extract<Failure, { kind: 'status' }>, cfg: HttpConfig, opts: RequestOptions): AppError {
  const said = errorMessages(f.body).join('; ')
  switch (f.status) {
    case 401:
      return new AppError('UNAUTHORIZED', `The Atoms API at ${host(cfg.baseUrl)} refused the API key. Check the key in Settings.`)
    case 403:
      return new AppError('FORBIDDEN', `The Atoms API refused access${said ? `: ${said}` : ''}${ref(f)}.`)
    case 404:
      return new AppError('NOT_FOUND', `${opts.what ?? 'That resource'} was not found on the Atoms API${said ? ` (${said})` : ''}.`)
    default:
      return new AppError('INVALID_INPUT', `The Atoms API rejected the request (HTTP ${f.status})${said ? `: ${said}` : ''}${ref(f)}.`)
  }
}

function exhausted(f: Failure, cfg: HttpConfig, tries: number): AppError {
  if (f.kind === 'network') return new AppError('OFFLINE', `Cannot reach ${host(cfg.baseUrl)}: ${f.reason}.`)
  if (f.kind === 'malformed') return new AppError('INTERNAL', `The Atoms API sent an unreadable response ${tries} times in a row.`)
  if (f.status === 429) return new AppError('RATE_LIMITED', `The Atoms API is rate limiting Earmark; it will try again later${ref(f)}.`)
  return new AppError('INTERNAL', `The Atoms API failed (HTTP ${f.status}) after ${tries} attempts${ref(f)}.`, { retryable: true })
}
