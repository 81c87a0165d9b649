// A token bucket shared by every request of one client, so Earmark stays under the platform's
// per-key limit (10 requests/s on the Free plan). After a 429 it halves its rate and climbs back
// slowly with each success: the server told us our idea of the limit was wrong.
import { abortable } from './sleep'

export class RateLimiter {
  private tokens: number
  private last: number
  private rate: number

  constructor(
    private readonly maxRate: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!(maxRate > 0)) throw new RangeError('requests per second must be positive')
    this.rate = maxRate
    this.tokens = 1
    this.last = now()
  }

  currentRate(): number {
    return this.rate
  }

  /** Waits until a request may be sent. */
  async take(signal?: AbortSignal): Promise<void> {
    for (;;) {
      this.refill()
      if (this.tokens >= 1) {
        this.tokens -= 1
        return
      }
      await abortable(((1 - this.tokens) / this.rate) * 1000, signal)
    }
  }

  onRateLimited(): void {
    this.rate = Math.max(this.maxRate / 16, this.rate / 2)
    this.tokens = Math.min(this.tokens, 0)
  }

  onSuccess(): void {
    if (this.rate < this.maxRate) this.rate = Math.min(this.maxRate, this.rate * 1.05)
  }

  private refill(): void {
    const t = this.now()
    // A burst of at most one second's worth keeps the average at the rate.
    this.tokens = Math.min(Math.max(1, this.rate), this.tokens + ((t - this.last) / 1000) * this.rate)
    this.last = t
  }
}
