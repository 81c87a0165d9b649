// Every JSON request to the Atoms API goes through request(): rate limiter, bearer auth, timeouts
// combined with the caller's AbortSignal, retries with backoff, and the success envelope
// {status:true, data} unwrapped. What failed is described as a Failure and turned into an
// AppError by failures.ts. The key is read per request (it can change in Settings), checked
// before it is sent, registered with the log redactor, and appears in no message or log line.
import { AppError } from '@shared/errors'
import { addSecret, logger } from '../log'
import { describeFailure, exhausted, formatMs, networkReason, statusError, type Failure } from './failures'
import type { RateLimiter } from './rateLimiter'
import { backoffDelay, MALFORMED_RETRIES, RETRYABLE_STATUS, retryAfterMs } from './retryPolicy'
import { cancelled, type Sleep } from './sleep'

const log = logger('atoms')

export const USER_AGENT = 'earmark/0.1 (+atoms-call-review)'

export type RetryListener = (info: { attempt: number; delayMs: number; reason: string }) => void

export interface HttpConfig {
  baseUrl: string
  apiKey: () => string | null
  limiter: RateLimiter
  /** Whole attempt: connect, headers and body. */
  timeoutMs: number
  /** Until the response headers arrive (stands in for a connect timeout). */
  connectTimeoutMs: number
  maxRetries: number
  baseDelayMs: number
  maxDelayMs: number
  /** A Retry-After longer than this fails at once instead of hanging. */
  maxRetryAfterMs: number
  fetch: typeof fetch
  random: () => number
  sleep: Sleep
  onRetry?: RetryListener
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>
  body?: unknown
  signal?: AbortSignal
  /** Names the thing asked for in NOT_FOUND/FORBIDDEN messages, e.g. "Call CALL-…". */
  what?: string
}

type Outcome = { ok: true; data: unknown } | { ok: false; failure: Failure }

export function buildUrl(baseUrl: string, path: string, query: RequestOptions['query'] = {}): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path)
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v))
  return url.toString()
}

/** Header values must be visible ASCII: fetch would otherwise throw an error that quotes the key. */
const SENDABLE_KEY = /^[\x21-\x7e]+$/

/** The key to send now; UNAUTHORIZED when there is none or it cannot be sent as a header. */
export function currentKey(apiKey: () => string | null): string {
  const key = apiKey()?.trim() ?? ''
  if (key === '') throw new AppError('UNAUTHORIZED', 'No Atoms API key is set. Add one in Settings.')
  addSecret(key)
  if (!SENDABLE_KEY.test(key)) throw new AppError('UNAUTHORIZED', 'The Atoms API key contains spaces, line breaks or non-ASCII characters. Check the key in Settings.')
  return key
}

export async function request(cfg: HttpConfig, method: 'GET' | 'POST', path: string, opts: RequestOptions = {}): Promise<unknown> {
  const url = buildUrl(cfg.baseUrl, path, opts.query)
  const host = new URL(cfg.baseUrl).host
  let malformed = 0
  for (let attempt = 1; ; attempt++) {
    await cfg.limiter.take(opts.signal)
    const key = currentKey(cfg.apiKey)
    const started = performance.now()
    const outcome = await attemptOnce(cfg, method, url, key, opts)
    if (outcome.ok) {
      cfg.limiter.onSuccess()
      log.debug(`${method} ${path} ok in ${Math.round(performance.now() - started)} ms`)
      return outcome.data
    }
    const f = outcome.failure
    const ctx = { host, what: opts.what, attempts: attempt }
    if (f.kind === 'status' && !RETRYABLE_STATUS.has(f.status)) {
      // A 404 is routine (a recording not there yet); anything else refused deserves a warning.
      log[f.status === 404 ? 'info' : 'warn'](`${method} ${path}: ${describeFailure(f)}${f.requestId ? ` (request id ${f.requestId})` : ''}`)
      throw statusError(f, ctx)
    }
    const asked = f.kind === 'status' ? retryAfterMs(f.headers, f.body) : null
    if (f.kind === 'status' && f.status === 429) cfg.limiter.onRateLimited()
    if (f.kind === 'malformed') malformed++
    if (attempt > cfg.maxRetries || malformed > MALFORMED_RETRIES || (asked !== null && asked > cfg.maxRetryAfterMs)) {
      log.warn(`${method} ${path}: giving up after ${attempt} attempts: ${describeFailure(f)}`)
      throw exhausted(f, ctx, asked, cfg.maxRetryAfterMs)
    }
    // The server's wait is honoured, with a little jitter so parallel workers do not return together.
    const delayMs = asked !== null ? asked + Math.round(cfg.random() * Math.min(250, asked / 10 + 50)) : backoffDelay(attempt, cfg)
    const reason = describeFailure(f)
    log.debug(`${method} ${path}: retry ${attempt} in ${delayMs} ms after ${reason}`)
    cfg.onRetry?.({ attempt, delayMs, reason })
    await cfg.sleep(delayMs, opts.signal)
  }
}

async function attemptOnce(cfg: HttpConfig, method: string, url: string, key: string, opts: RequestOptions): Promise<Outcome> {
  const overall = AbortSignal.timeout(cfg.timeoutMs)
  const headersDue = new AbortController()
  const timer = setTimeout(() => headersDue.abort(), cfg.connectTimeoutMs)
  const signal = AbortSignal.any([overall, headersDue.signal, ...(opts.signal ? [opts.signal] : [])])
  let res: Response
  let text: string
  try {
    res = await cfg.fetch(url, {
      method,
      signal,
      headers: {
        authorization: `Bearer ${key}`,
        accept: 'application/json',
        'user-agent': USER_AGENT,
        'x-source': 'earmark',
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
    })
    clearTimeout(timer)
    text = await res.text()
  } catch (e) {
    if (opts.signal?.aborted) throw cancelled()
    if (headersDue.signal.aborted) return { ok: false, failure: { kind: 'timeout', reason: `no response within ${formatMs(cfg.connectTimeoutMs)}` } }
    if (overall.aborted) return { ok: false, failure: { kind: 'timeout', reason: `no complete answer within ${formatMs(cfg.timeoutMs)}` } }
    return { ok: false, failure: { kind: 'network', reason: networkReason(e) } }
  } finally {
    clearTimeout(timer)
  }
  return interpret(res, text)
}

function interpret(res: Response, text: string): Outcome {
  const requestId = res.headers.get('x-request-id')
  const blank = text.trim() === ''
  let body: unknown = null
  let parsed = !blank
  try {
    if (!blank) body = JSON.parse(text)
  } catch {
    parsed = false // an HTML 504 page is still a 504; only a 2xx needs JSON
  }
  if (!res.ok) return { ok: false, failure: { kind: 'status', status: res.status, body, headers: res.headers, requestId } }
  const malformed = (reason: string): Outcome => ({ ok: false, failure: { kind: 'malformed', status: res.status, reason, requestId } })
  if (blank) return malformed('empty body')
  if (!parsed) return malformed('not JSON, possibly cut off')
  if (!body || typeof body !== 'object' || !('data' in body)) return malformed('JSON without a "data" field')
  return { ok: true, data: (body as { data: unknown }).data }
}
