// Hydrates call details (transcript, events, analytics) in the background, newest calls first,
// a few at a time under the client's rate limiter. A call the user opens jumps the queue:
// fetchNow() fetches it at once (or joins a fetch already under way).
import { FINISHED_STATUSES } from '@shared/domain'
import { AppError } from '@shared/errors'
import { logger } from '../log'
import { bulkWrites } from '../store/db'
import type { Store } from '../store/store'
import type { AtomsApi } from './atomsApi'
import type { ProgressTracker } from './progress'

const log = logger('sync')
const CONCURRENCY = 4
/** Errors that stop the whole queue: nothing else will succeed until the user acts. */
const FATAL = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'OFFLINE', 'CANCELLED', 'RATE_LIMITED'])

export interface DetailRunResult {
  fetched: number
  failed: number
}

export class DetailQueue {
  private readonly inflight = new Map<string, Promise<void>>()

  constructor(
    private readonly api: AtomsApi,
    private readonly store: Store,
  ) {}

  pending(limit = 1_000_000): string[] {
    const placeholders = FINISHED_STATUSES.map(() => '?').join(',')
    return (
      this.store.cache
        .prepare(
          `SELECT id FROM calls WHERE detail_state IN ('missing', 'stale') AND status IN (${placeholders})
           ORDER BY created_ms DESC LIMIT ?`,
        )
        .all(...FINISHED_STATUSES, limit) as { id: string }[]
    ).map((r) => r.id)
  }

  /** Fetches one call's detail now, whatever the queue is doing. */
  fetchNow(callId: string, signal?: AbortSignal): Promise<void> {
    const running = this.inflight.get(callId)
    if (running) return running
    const job = this.api
      .getCall(callId, signal)
      .then(({ call, raw }) => this.store.calls.saveDetails([{ call, raw }]))
      .finally(() => this.inflight.delete(callId))
    this.inflight.set(callId, job)
    return job
  }

  async run(signal: AbortSignal, progress: ProgressTracker): Promise<DetailRunResult> {
    const ids = this.pending()
    const result: DetailRunResult = { fetched: 0, failed: 0 }
    if (ids.length === 0) return result
    progress.start('details', ids.length, `Fetching transcripts of ${ids.length} calls`)
    let next = 0
    let fatal: unknown = null
    const worker = async () => {
      while (fatal === null && next < ids.length && !signal.aborted) {
        const id = ids[next++]!
        try {
          await this.fetchNow(id, signal)
          result.fetched++
        } catch (err) {
          if (err instanceof AppError && FATAL.has(err.code)) {
            fatal = err
            return
          }
          result.failed++
          const message = err instanceof Error ? err.message : String(err)
          this.store.calls.markDetailFailed(id, message)
          log.warn(`detail of ${id} could not be stored: ${message}`)
        }
        progress.advance(1)
      }
    }
    // A run is a backfill of transcripts: many small commits that need not wait for the disk (see bulkWrites).
    const endBulk = bulkWrites(this.store.cache)
    try {
      await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    } finally {
      endBulk()
    }
    if (fatal) throw fatal
    if (signal.aborted) throw new AppError('CANCELLED', 'The sync was cancelled.')
    return result
  }
}
