// Tracks done/total of the current phase and derives a rate and ETA over a sliding window, and
// throttles how often progress is reported (a 100k backfill must not flood IPC or stderr).
import type { SyncPhase, SyncProgress } from '@shared/sync'

const WINDOW_MS = 5_000
const MIN_INTERVAL_MS = 150

export class ProgressTracker {
  private samples: { t: number; done: number }[] = []
  private lastEmit = 0
  state: SyncProgress

  constructor(
    private readonly emit: (p: SyncProgress) => void,
    lastSyncMs: number | null,
    private readonly now: () => number = Date.now,
  ) {
    this.state = { running: false, phase: null, done: 0, total: null, ratePerS: 0, etaS: null, message: 'Idle', lastSyncMs, error: null }
  }

  start(phase: SyncPhase, total: number | null, message: string): void {
    this.samples = [{ t: this.now(), done: 0 }]
    this.state = { ...this.state, running: true, phase, done: 0, total, ratePerS: 0, etaS: null, message, error: null }
    this.flush()
  }

  advance(by: number, total?: number | null, message?: string): void {
    const t = this.now()
    const done = this.state.done + by
    this.samples.push({ t, done })
    while (this.samples.length > 2 && t - this.samples[0]!.t > WINDOW_MS) this.samples.shift()
    const first = this.samples[0]!
    const ratePerS = t > first.t ? ((done - first.done) * 1000) / (t - first.t) : 0
    const nextTotal = total === undefined ? this.state.total : total
    const etaS = nextTotal !== null && ratePerS > 0 ? Math.max(0, (nextTotal - done) / ratePerS) : null
    this.state = { ...this.state, done, total: nextTotal, ratePerS, etaS, message: message ?? this.state.message }
    if (t - this.lastEmit >= MIN_INTERVAL_MS) this.flush()
  }

  finish(patch: Partial<SyncProgress>): void {
    this.state = { ...this.state, running: false, phase: null, etaS: null, ...patch }
    this.flush()
  }

  flush(): void {
    this.lastEmit = this.now()
    this.emit({ ...this.state })
  }
}
