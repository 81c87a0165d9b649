// When and how long to wait before trying a request again: exponential backoff with full jitter
// (start 500 ms, double, cap 30 s, as the platform's error guide advises, atoms-api.md §1.4), and
// the server's own wait wherever it says it: the Retry-After header (seconds or HTTP date),
// retry-after-ms, or either of the two documented 429 bodies.

/** 408 and 429 say "later"; 500/502/503/504 are the gateway and the service failing. */
export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504])

/** A 200 whose body is not JSON (truncated) is retried, but only this many times. */
export const MALFORMED_RETRIES = 2

export interface BackoffOptions {
  baseDelayMs: number
  maxDelayMs: number
  random: () => number
}

/** The wait before retry number `retry` (1 = first retry): uniform in [0, min(cap, base·2^(retry-1))]. */
export function backoffDelay(retry: number, o: BackoffOptions): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, retry - 1))
  return Math.round(o.random() * ceiling)
}

const seconds = (v: unknown): number | null => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN
  return Number.isFinite(n) && n >= 0 ? n : null
}

/** The wait the server asked for, in ms, or null when it did not say. */
export function retryAfterMs(headers: Headers, body: unknown, now = Date.now()): number | null {
  const ms = seconds(headers.get('retry-after-ms'))
  if (ms !== null) return Math.round(ms)
  const header = headers.get('retry-after')
  if (header !== null) {
    const s = seconds(header)
    if (s !== null) return Math.round(s * 1000)
    const date = Date.parse(header)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  if (body && typeof body === 'object') {
    // RL shape {status:false, code:"RATE_LIMIT_EXCEEDED", retry_after} and OAS shape {rateLimit:{retryAfterSec}}.
    const b = body as { retry_after?: unknown; rateLimit?: { retryAfterSec?: unknown } | null }
    const s = seconds(b.retry_after) ?? seconds(b.rateLimit?.retryAfterSec)
    if (s !== null) return Math.round(s * 1000)
  }
  return null
}

/** The human messages in an error body, whichever documented shape it has. */
export function errorMessages(body: unknown): string[] {
  if (!body || typeof body !== 'object') return []
  const b = body as Record<string, unknown>
  if (Array.isArray(b.errors)) return b.errors.filter((e): e is string => typeof e === 'string' && e.trim() !== '')
  for (const key of ['message', 'error', 'detail', 'reason']) {
    const v = b[key]
    if (typeof v === 'string' && v.trim() !== '') return [v]
  }
  return []
}
