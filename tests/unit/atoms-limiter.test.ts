// The rate limiter on a fake clock (its sleeps advance the clock instead of waiting), and the retry
// policy's reading of every documented way the server says how long to wait.
import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../src/main/atoms/rateLimiter'
import { backoffDelay, errorMessages, retryAfterMs } from '../../src/main/atoms/retryPolicy'

function fakeClock() {
  const clock = { t: 0, slept: [] as number[] }
  // A sleep with a signal never ends on its own (only the abort ends it); one without passes the time.
  const sleep = (ms: number, signal?: AbortSignal) => {
    clock.slept.push(Math.round(ms))
    if (signal) return new Promise<void>(() => {})
    clock.t += ms
    return Promise.resolve()
  }
  return { clock, opts: { now: () => clock.t, sleep } }
}

describe('RateLimiter', () => {
  it('spaces requests at the configured rate after the first', async () => {
    const { clock, opts } = fakeClock()
    const limiter = new RateLimiter(10, opts)
    for (let i = 0; i < 5; i++) await limiter.take()
    expect(clock.slept).toEqual([100, 100, 100, 100])
    expect(clock.t).toBe(400)
  })

  it('lets concurrent callers reserve their own slots', async () => {
    const slept: number[] = []
    // All three ask at the same instant: the clock does not move while they wait.
    const limiter = new RateLimiter(4, { now: () => 0, sleep: (ms) => (slept.push(ms), Promise.resolve()) })
    await Promise.all([limiter.take(), limiter.take(), limiter.take()])
    // Each reservation waits for its own deficit: 0, 250 and 500 ms.
    expect(slept).toEqual([250, 500])
  })

  it('allows a burst of at most one second after a quiet spell', async () => {
    const { clock, opts } = fakeClock()
    const limiter = new RateLimiter(5, opts)
    clock.t += 60_000
    for (let i = 0; i < 6; i++) await limiter.take()
    expect(clock.slept).toEqual([200])
  })

  it('halves its rate on each 429, never below a sixteenth, and recovers gradually on success', () => {
    const limiter = new RateLimiter(8, fakeClock().opts)
    limiter.onRateLimited()
    expect(limiter.currentRate()).toBe(4)
    for (let i = 0; i < 10; i++) limiter.onRateLimited()
    expect(limiter.currentRate()).toBe(0.5)
    limiter.onSuccess()
    expect(limiter.currentRate()).toBeCloseTo(0.525)
    let successes = 1
    while (limiter.currentRate() < 8) {
      limiter.onSuccess()
      successes++
    }
    expect(limiter.currentRate()).toBe(8)
    expect(successes).toBeGreaterThan(40) // gradual: not back after a handful of successes
  })

  it('gives a cancelled reservation back', async () => {
    const { clock, opts } = fakeClock()
    const limiter = new RateLimiter(1, opts)
    await limiter.take()
    const abort = new AbortController()
    const cancelledTake = limiter.take(abort.signal) // reserves the next slot, then waits for it
    abort.abort()
    await expect(cancelledTake).rejects.toMatchObject({ code: 'CANCELLED' })
    clock.t = 1000
    const before = clock.slept.length
    await limiter.take()
    expect(clock.slept.length).toBe(before) // the slot given back is free one second later
  })

  it('refuses a rate that is not positive', () => {
    expect(() => new RateLimiter(0)).toThrow(RangeError)
    expect(() => new RateLimiter(Number.NaN)).toThrow(RangeError)
  })
})

describe('retry policy', () => {
  const h = (init: Record<string, string>) => new Headers(init)
  const now = Date.parse('2026-01-01T12:00:00Z')

  it.each([
    ['Retry-After seconds', h({ 'retry-after': '5' }), null, 5000],
    ['Retry-After fractional seconds', h({ 'retry-after': '0.25' }), null, 250],
    ['Retry-After HTTP date', h({ 'retry-after': 'Thu, 01 Jan 2026 12:00:30 GMT' }), null, 30_000],
    ['Retry-After date in the past', h({ 'retry-after': 'Thu, 01 Jan 2026 11:00:00 GMT' }), null, 0],
    ['retry-after-ms', h({ 'retry-after-ms': '120', 'retry-after': '9' }), null, 120],
    ['RL body', h({}), { status: false, error: 'Rate limit exceeded', code: 'RATE_LIMIT_EXCEEDED', retry_after: 60 }, 60_000],
    ['RL body with a numeric string', h({}), { retry_after: '2' }, 2000],
    ['OAS body', h({}), { message: 'Rate limit exceeded', rateLimit: { routeClass: 'prompt-scoring', limit: 10, retryAfterSec: 60 } }, 60_000],
    ['nothing', h({}), { status: false, errors: ['Too many'] }, null],
    ['garbage', h({ 'retry-after': 'soon', 'retry-after-ms': '-5' }), { retry_after: 'later', rateLimit: null }, null],
  ])('reads %s', (_name, headers, body, expected) => {
    expect(retryAfterMs(headers, body, now)).toBe(expected)
  })

  it('backs off exponentially from the base, capped, with full jitter', () => {
    const o = { baseDelayMs: 500, maxDelayMs: 30_000 }
    expect([1, 2, 3, 4, 7, 12].map((n) => backoffDelay(n, { ...o, random: () => 1 }))).toEqual([500, 1000, 2000, 4000, 30_000, 30_000])
    expect(backoffDelay(3, { ...o, random: () => 0 })).toBe(0)
    expect(backoffDelay(3, { ...o, random: () => 0.5 })).toBe(1000)
  })

  it('finds the human messages of every documented error shape', () => {
    expect(errorMessages({ status: false, errors: ['a', 'b', 3] })).toEqual(['a', 'b'])
    expect(errorMessages({ message: 'm' })).toEqual(['m'])
    expect(errorMessages({ status: false, error: 'Rate limit exceeded' })).toEqual(['Rate limit exceeded'])
    expect(errorMessages({ detail: 'd' })).toEqual(['d'])
    expect(errorMessages('<html>')).toEqual([])
    expect(errorMessages(null)).toEqual([])
  })
})
