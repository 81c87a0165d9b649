// A token bucket shared by every request of one client, so Earmark stays under the platform's
// per-key limit (10 requests/s on the Free plan, atoms-api.md §1.4) however many workers run.
// Callers reserve a token and wait for their own deficit (no polling loop). After a 429 the rate
// halves and climbs back by 5% per success: the server told us our idea of the limit was wrong.
// The server's Retry-After is waited out by the refused request only (http.ts): pausing every
// worker for it would stall a sync on each stray 429, and the halved rate already eases off.
import { abortableSleep, cancelled, untilAborted, type Sleep } from './sleep'

export interface RateLimiterOptions {
  /** Milliseconds on a monotonic clock; injectable for tests. */
  now?: () => number
  sleep?: Sleep
}

const RECOVERY = 1.05
/** The rate never falls below this share of the configured one. */
const FLOOR_SHARE = 1 / 16

export class RateLimiter {
  private rate: number
  private tokens = 1
  private last: number
  private readonly now: () => number
  private readonly sleep: Sleep

  constructor(
    private readonly maxRate: number,
    opts: RateLimiterOptions = {},
  ) {
    if (!(maxRate > 0) || !Number.isFinite(maxRate)) throw new RangeError('requests per second must be a positive number')
    this.rate = maxRate
    this.now = opts.now ?? (() => performance.now())
    this.sleep = opts.sleep ?? abortableSleep
    this.last = this.now()
  }

  /** Requests per second currently allowed (lower than configured after a 429). */
  currentRate(): number {
    return this.rate
  }

  /** Waits until a request may be sent; rejects with CANCELLED at once when `signal` aborts. */
  async take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw cancelled()
    this.refill()
    this.tokens -= 1
    if (this.tokens >= 0) return
    const waitMs = (-this.tokens / this.rate) * 1000
    try {
      await untilAborted(this.sleep(waitMs, signal), signal)
    } catch (err) {
      this.tokens += 1 // a cancelled request gives its reservation back
      throw err
    }
  }

  /** A request was refused with 429: halve the rate and drop the saved-up burst. */
  onRateLimited(): void {
    this.refill()
    this.rate = Math.max(this.maxRate * FLOOR_SHARE, this.rate / 2)
    this.tokens = Math.min(this.tokens, 0)
  }

  onSuccess(): void {
    if (this.rate < this.maxRate) this.rate = Math.min(this.maxRate, this.rate * RECOVERY)
  }

  private refill(): void {
    const t = this.now()
    // A burst of at most one second's worth keeps the average at the rate.
    this.tokens = Math.min(Math.max(1, this.rate), this.tokens + ((t - this.last) / 1000) * this.rate)
    this.last = t
  }
}
