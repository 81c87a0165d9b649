// Recordings on disk for offline listening: one call on demand, or a filtered set under a
// storage budget. Files live at <recordings>/<callId>/<kind>.<ext>; the call id is checked
// before it becomes a path. A stored URL that has expired is replaced by a fresh one from the
// download-url endpoint.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { AppError } from '@shared/errors'
import type { CallQuery } from '@shared/query'
import { logger } from '../log'
import { resolveInside } from '../safePath'
import type { Store } from '../store/store'
import type { AtomsApi } from '../sync/atomsApi'
import type { ProgressTracker } from '../sync/progress'
import { readAudioInfo, type AudioInfo } from './audioInfo'
import { assertCallId } from './callId'

const log = logger('recordings')
export type RecordingKind = 'dual' | 'mono'

export interface LocalRecording extends AudioInfo {
  callId: string
  kind: RecordingKind
  file: string
}

export class RecordingService {
  private readonly rowOf

  constructor(
    private readonly api: AtomsApi,
    private readonly store: Store,
    private readonly dir: string,
  ) {
    // The format is NULL for a file that could not be read when it was stored.
    this.rowOf = store.cache.prepare<[string, string], Omit<AudioInfo, 'format'> & { file: string; format: AudioInfo['format'] | null }>(
      'SELECT file, bytes, format, channels, sample_rate AS sampleRate, duration_s AS durationS FROM recordings WHERE call_id = ? AND kind = ?',
    )
  }

  local(callId: string, kind: RecordingKind): LocalRecording | null {
    assertCallId(callId)
    // What the file is was read once, when it was downloaded: the row says it (the audio element
    // asks for many byte ranges, and each would otherwise open the file to sniff its header).
    const row = this.rowOf.get(callId, kind)
    // The row names a file relative to the folder; one that points outside it is not opened.
    const file = row ? resolveInside(this.dir, `/${row.file}`) : null
    if (!row || !file || !existsSync(file)) return null
    return { callId, kind, file, format: row.format ?? 'unknown', channels: row.channels, sampleRate: row.sampleRate, durationS: row.durationS, bytes: row.bytes }
  }

  usedBytes(): number {
    return (this.store.cache.prepare('SELECT COALESCE(SUM(bytes), 0) AS n FROM recordings').get() as { n: number }).n
  }

  /** The recording on disk, downloading it first when needed. */
  async ensure(callId: string, kind: RecordingKind = 'dual', signal?: AbortSignal): Promise<LocalRecording> {
    const have = this.local(callId, kind)
    if (have) return have
    const row = this.store.cache
      .prepare(
        `SELECT p.extras_json ->> 'recordingUrl' AS recording_url, p.extras_json ->> 'recordingDualUrl' AS recording_dual_url
         FROM calls c JOIN call_payloads p ON p.call_rowid = c.rowid WHERE c.id = ?`,
      )
      .get(callId) as { recording_url: string | null; recording_dual_url: string | null } | undefined
    if (!row) throw new AppError('NOT_FOUND', `Call ${callId} is not in the local cache yet. Sync first.`)
    const stored = kind === 'dual' ? (row.recording_dual_url ?? row.recording_url) : row.recording_url
    const folder = join(this.dir, callId)
    mkdirSync(folder, { recursive: true })
    // Unique per download: the app and `earmark sync --recordings all` may fetch the same call at once.
    const target = join(folder, `${kind}.${process.pid}.${randomUUID().slice(0, 8)}.download`)
    try {
      await this.download(callId, stored, target, signal)
    } catch (err) {
      rmSync(target, { force: true })
      throw err
    }
    const info = readAudioInfo(target)
    // A fresh link may give the mono mix when the dual file was asked for: file it as what it is.
    const actual: RecordingKind = info.channels === 2 ? 'dual' : info.channels === 1 ? 'mono' : kind
    const name = `${actual}.${info.format === 'unknown' ? 'bin' : info.format}`
    renameSync(target, join(folder, name))
    this.store.cache
      .prepare(
        `INSERT OR REPLACE INTO recordings (call_id, kind, file, bytes, format, channels, sample_rate, duration_s, fetched_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(callId, actual, join(callId, name), info.bytes, info.format, info.channels, info.sampleRate, info.durationS, Date.now())
    return { callId, kind: actual, file: join(folder, name), ...info }
  }

  private async download(callId: string, stored: string | null, target: string, signal?: AbortSignal): Promise<void> {
    if (stored) {
      try {
        await this.api.downloadRecording(stored, target, { signal })
        return
      } catch (err) {
        if (!(err instanceof AppError) || !['FORBIDDEN', 'NOT_FOUND'].includes(err.code)) throw err
        log.info(`stored recording link of ${callId} no longer works (${err.code}); asking for a fresh one`)
      }
    }
    let fresh: string
    try {
      fresh = await this.api.getRecordingDownloadUrl(callId, signal)
    } catch (err) {
      if (err instanceof AppError && err.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', `Call ${callId} has no recording (yet).`)
      throw err
    }
    await this.api.downloadRecording(fresh, target, { signal })
  }

  /** Downloads the recordings of the calls matching `query`, newest first, within the budget. */
  async downloadSet(query: CallQuery, opts: { signal: AbortSignal; progress?: ProgressTracker; budgetBytes?: number }): Promise<number> {
    const budget = opts.budgetBytes ?? Number.POSITIVE_INFINITY
    const ids: string[] = []
    for (let offset = 0; ; offset += 500) {
      const rows = this.store.query.list({ ...query, hasRecording: true, offset, limit: 500 }).rows
      ids.push(...rows.map((r) => r.id))
      if (rows.length < 500) break
    }
    const todo = ids.filter((id) => !this.local(id, 'dual') && !this.local(id, 'mono'))
    opts.progress?.start('recordings', todo.length, `Downloading ${todo.length} recordings`)
    let count = 0
    for (const id of todo) {
      if (opts.signal.aborted) throw new AppError('CANCELLED', 'The download was cancelled.')
      if (this.usedBytes() >= budget) {
        log.info(`recording budget of ${budget} bytes reached after ${count} downloads`)
        break
      }
      try {
        await this.ensure(id, 'dual', opts.signal)
        count++
      } catch (err) {
        if (err instanceof AppError && err.code === 'NOT_FOUND') log.info(err.message)
        else throw err
      }
      opts.progress?.advance(1)
    }
    return count
  }
}
