// One sync run: the call list (backfill, then incremental), a re-check of unfinished calls, then
// details and (optionally) recordings. One run at a time; cancel() stops it at the next request;
// progress is reported throughout. Everything stored is committed as it arrives, so a cancelled or
// killed run loses nothing and the next one carries on.
import { AppError, toErrorData } from '@shared/errors'
import type { SyncProgress, SyncSummary } from '@shared/sync'
import { logger } from '../log'
import type { RecordingService } from '../media/recordings.service'
import type { Store } from '../store/store'
import type { AtomsApi } from './atomsApi'
import { DetailQueue } from './detailQueue'
import { backfill, backfillDone, incremental } from './listSync'
import { ProgressTracker } from './progress'
import { refreshUnfinished } from './refresh'

const log = logger('sync')
const LAST_SYNC_KEY = 'lastSyncMs'

export interface SyncOptions {
  details?: 'all' | 'none'
  recordings?: 'none' | 'all'
  since?: string | null
}

export class SyncEngine {
  readonly details: DetailQueue
  private readonly progress: ProgressTracker
  private current: { promise: Promise<SyncSummary>; abort: AbortController } | null = null
  private readonly listeners = new Set<(p: SyncProgress) => void>()

  constructor(
    private readonly api: AtomsApi,
    private readonly store: Store,
    private readonly recordings: RecordingService | null = null,
  ) {
    this.details = new DetailQueue(api, store)
    this.progress = new ProgressTracker((p) => this.listeners.forEach((l) => l(p)), store.syncState.get<number>(LAST_SYNC_KEY))
  }

  onProgress(listener: (p: SyncProgress) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  status(): SyncProgress {
    return { ...this.progress.state }
  }

  get running(): boolean {
    return this.current !== null
  }

  /** Starts a run, or joins the one under way. */
  run(opts: SyncOptions = {}): Promise<SyncSummary> {
    if (this.current) return this.current.promise
    const abort = new AbortController()
    const promise = this.execute(opts, abort.signal).finally(() => (this.current = null))
    this.current = { promise, abort }
    return promise
  }

  cancel(): boolean {
    if (!this.current) return false
    this.current.abort.abort(new AppError('CANCELLED', 'The sync was cancelled.'))
    return true
  }

  private async execute(opts: SyncOptions, signal: AbortSignal): Promise<SyncSummary> {
    const started = Date.now()
    const summary: SyncSummary = { listed: 0, inserted: 0, updated: 0, refreshed: 0, details: 0, detailFailures: 0, recordings: 0, issues: 0, durationMs: 0 }
    const ctx = { api: this.api, store: this.store, signal, progress: this.progress, since: opts.since ?? null }
    try {
      const passes = backfillDone(this.store) ? [incremental] : [backfill, incremental]
      for (const pass of passes) {
        const r = await pass(ctx)
        summary.listed += r.listed
        summary.inserted += r.inserted
        summary.updated += r.updated
        summary.issues += r.issues
      }
      summary.refreshed = await refreshUnfinished(ctx)
      if (opts.details !== 'none') {
        const d = await this.details.run(signal, this.progress)
        summary.details = d.fetched
        summary.detailFailures = d.failed
      }
      if (opts.recordings === 'all' && this.recordings) {
        summary.recordings = await this.recordings.downloadSet({}, { signal, progress: this.progress })
      }
      summary.durationMs = Date.now() - started
      // Keeps the planner's statistics current as the cache grows (cheap when nothing changed).
      this.store.cache.pragma('optimize')
      const lastSyncMs = Date.now()
      this.store.syncState.set(LAST_SYNC_KEY, lastSyncMs)
      this.progress.finish({ lastSyncMs, message: describe(summary), error: null })
      log.info(`sync done: ${describe(summary)}`)
      return summary
    } catch (err) {
      const error = signal.aborted ? new AppError('CANCELLED', 'The sync was cancelled. What was already downloaded is kept.') : err
      const data = toErrorData(error)
      this.progress.finish({ message: data.message, error: data })
      if (data.code !== 'CANCELLED') log.warn(`sync stopped: ${data.message}`)
      throw error
    }
  }
}

export function describe(s: SyncSummary): string {
  const parts = [`${s.inserted} new`, `${s.updated} changed`, `${s.details} transcripts`]
  if (s.recordings) parts.push(`${s.recordings} recordings`)
  if (s.detailFailures) parts.push(`${s.detailFailures} details failed`)
  if (s.issues) parts.push(`${s.issues} items could not be read`)
  return parts.join(', ')
}
