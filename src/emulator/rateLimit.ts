// The API's rate limit: a token bucket per key (rate tokens per second, bursts up to rate), as
// the plans of atoms-api.md §1.4 count requests per second. It runs on real time, not emulator
// time: a test clock that stands still must not starve a client. Also the two documented 429
// bodies, which the limiter and the 429 fault share.
import type { ServerResponse } from 'node:http'

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(private readonly perSecond: number) {}

  /** Takes a token for `key`; when there is none, the seconds until there will be one. */
  take(key: string, nowMs = performance.now()): { ok: true } | { ok: false; retryAfterS: number } {
    const b = this.buckets.get(key) ?? { tokens: this.perSecond, at: nowMs }
    b.tokens = Math.min(this.perSecond, b.tokens + ((nowMs - b.at) / 1000) * this.perSecond)
    b.at = nowMs
    this.buckets.set(key, b)
    if (b.tokens >= 1) {
      b.tokens -= 1
      return { ok: true }
    }
    return { ok: false, retryAfterS: Math.max(1, Math.ceil((1 - b.tokens) / this.perSecond)) }
  }
}

export type RateLimitShape = 'rl' | 'oas'

/** 429 in the RL guide's shape or the OAS one; Retry-After as seconds, an HTTP-date, or absent. */
export function sendRateLimited(res: ServerResponse, shape: RateLimitShape, retryAfterS: number, header: 'seconds' | 'date' | 'none', limit: number): void {
  const body =
    shape === 'rl'
      ? { status: false, error: 'Rate limit exceeded', code: 'RATE_LIMIT_EXCEEDED', retry_after: retryAfterS }
      : { message: 'Rate limit exceeded', rateLimit: { routeClass: 'conversation', limit, retryAfterSec: retryAfterS } }
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (header === 'seconds') headers['retry-after'] = String(retryAfterS)
  // An HTTP-date has whole seconds, so the wait it gives is up to a second shorter: as a real one.
  if (header === 'date') headers['retry-after'] = new Date(Date.now() + retryAfterS * 1000).toUTCString()
  res.writeHead(429, headers).end(JSON.stringify(body))
}
