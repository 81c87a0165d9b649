// When and how long to wait before trying a request again: exponential backoff with full jitter
// (start 500 ms, double, cap 30 s, as the platform's error guide advises), and the server's own
// Retry-After wherever it says it: the header (seconds or HTTP date), retry-after-ms, or either of
// the two documented 429 bodies.

export const RETRYABLE_STATUS = new Set([408, 425, 429, 500, 502, 503, 504])

export interface BackoffOptions {
  baseDelayMs: number
  maxDelayMs: number
  random: () => number
}

export function backoffDelay(attempt: number, o: BackoffOptions): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** attempt)
  return Math.round(o.random() * ceiling)
}

/** The wait the server asked for, in ms, or null when it did not say. */
export function retryAfterMs(headers: Headers, body: unknown, now = Date.now()): number | null {
  const ms = headers.get('retry-after-ms')
  if (ms !== null && Number.isFinite(Number(ms))) return Math.max(0, Number(ms))
  const header = headers.get('retry-after')
  if (header !== null) {
    const seconds = Number(header)
    if (header.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
    const date = Date.parse(header)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  if (body && typeof body === 'object') {
    const b = body as { retry_after?: unknown; rateLimit?: { retryAfterSec?: unknown } }
    if (typeof b.retry_after === 'number') return Math.max(0, b.retry_after * 1000)
    if (typeof b.rateLimit?.retryAfterSec === 'number') return Math.max(0, b.rateLimit.retryAfterSec * 1000)
  }
  return null
}

/** The human messages in an error body, whichever shape it has. */
export function errorMessages(body: unknown): string[] {
  if (!body || typeof body !== 'object') return []
  const b = body as Record<string, unknown>
  if (Array.isArray(b.errors)) return b.errors.filter((e): e is string => typeof e === 'string')
  for (const key of ['message', 'error', 'detail', 'reason']) if (typeof b[key] === 'string') return [b[key] as string]
  return []
}
