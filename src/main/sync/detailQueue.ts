// Hydrates call details (transcript, events, analytics) in the background, newest calls first,
// a few at a time under the client's rate limiter. A call the user opens jumps the queue:
// fetchNow() fetches it at once (or joins a fetch already under way).
import { FINISHED_STATUSES } from '@shared/domain'
import { AppError } from '@shared/errors'
import { logger } from '../log'
import { DETAIL_JOINS, DETAIL_STATE } from '../store/calls.repo'
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

/** sync_state: when the last run that went through all its calls started (see pending). */
const COVERED_KEY = 'details.coveredUntil'

export class DetailQueue {
  private readonly inflight = new Map<string, Promise<void>>()

  constructor(
    private readonly api: AtomsApi,
    private readonly store: Store,
  ) {}

  /**
   * The finished calls whose detail is missing or stale, newest first. Only calls written since the
   * last complete run can be (every call written before it was fetched or noted as failed then), so
   * only those are looked at: checking every call was ~0.3 s of main's time per run at 100k calls.
   * (The planner, not knowing how recent the bound is, would rather walk the status index.)
   */
  pending(limit = 1_000_000): string[] {
    const placeholders = FINISHED_STATUSES.map(() => '?').join(',')
    return (
      this.store.cache
        .prepare(
          `SELECT c.id FROM calls c INDEXED BY calls_synced ${DETAIL_JOINS}
           WHERE c.synced_ms >= ? AND ${DETAIL_STATE} IN ('missing', 'stale') AND c.status IN (${placeholders})
           ORDER BY c.created_ms DESC LIMIT ?`,
        )
        .all(this.coveredUntil(), ...FINISHED_STATUSES, limit) as { id: string }[]
    ).map((r) => r.id)
  }

  /** When the last complete run started; 0 (look at every call) if none did, or the clock went back since. */
  private coveredUntil(): number {
    const at = this.store.syncState.get<number>(COVERED_KEY)
    return typeof at === 'number' && at <= Date.now() ? at : 0
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
    // Calls written from now on are the next run's, whatever this one does.
    const started = Date.now()
    const ids = this.pending()
    const result: DetailRunResult = { fetched: 0, failed: 0 }
    if (ids.length === 0) {
      this.store.syncState.set(COVERED_KEY, started)
      return result
    }
    progress.start('details', ids.length, `Fetching transcripts of ${ids.length} calls`)
    let fatal: unknown = null
    /** Fetches `list` with CONCURRENCY workers; returns the calls that failed and why. */
    const pass = async (list: string[], last: boolean): Promise<Map<string, string>> => {
      const failed = new Map<string, string>()
      let next = 0
      const worker = async () => {
        while (fatal === null && next < list.length && !signal.aborted) {
          const id = list[next++]!
          try {
            await this.fetchNow(id, signal)
            result.fetched++
            progress.advance(1)
          } catch (err) {
            if (err instanceof AppError && FATAL.has(err.code)) {
              fatal = err
              return
            }
            failed.set(id, err instanceof Error ? err.message : String(err))
            // Counted once: when its last try is over.
            if (last) progress.advance(1)
          }
        }
      }
      await Promise.all(Array.from({ length: CONCURRENCY }, worker))
      return failed
    }
    // A run is a backfill of transcripts: many small commits that need not wait for the disk (see bulkWrites).
    const endBulk = bulkWrites(this.store.cache)
    try {
      // A call whose detail failed (a cut-off body three times, a server error) gets one more try at
      // the end of the run, when the hiccup has usually passed, before it is marked failed.
      const first = await pass(ids, false)
      const second = first.size && fatal === null && !signal.aborted ? await pass([...first.keys()], true) : first
      for (const [id, message] of second) {
        result.failed++
        this.store.calls.markDetailFailed(id, message)
        log.warn(`detail of ${id} could not be stored: ${message}`)
      }
    } finally {
      endBulk()
    }
    if (fatal) throw fatal
    if (signal.aborted) throw new AppError('CANCELLED', 'The sync was cancelled.')
    this.store.syncState.set(COVERED_KEY, started)
    return result
  }
}
