// Derived media data in the cache: waveform peaks (on the recording's row) and alignments. Both
// can be recomputed from the recording and the transcript, so they live with the cache.
import type { Alignment } from '@shared/media'
import type { Db } from './db'

export class MediaCacheRepo {
  constructor(private readonly db: Db) {}

  peaks(callId: string, kind: string): Uint8Array | null {
    const row = this.db.prepare('SELECT peaks FROM recordings WHERE call_id = ? AND kind = ?').get(callId, kind) as { peaks: Buffer | null } | undefined
    return row?.peaks ?? null
  }

  /** Whether peaks are cached, without reading them (they are ~0.1–0.5 MB). */
  hasPeaks(callId: string, kind: string): boolean {
    return this.db.prepare('SELECT 1 FROM recordings WHERE call_id = ? AND kind = ? AND peaks IS NOT NULL').get(callId, kind) !== undefined
  }

  savePeaks(callId: string, kind: string, peaks: Uint8Array): void {
    this.db.prepare('UPDATE recordings SET peaks = ? WHERE call_id = ? AND kind = ?').run(peaks, callId, kind)
  }

  /** The cached alignment when it was made by this version of the algorithm, with what it was made from. */
  alignment(callId: string, version: number): { alignment: Alignment; inputKey: string } | null {
    const row = this.db.prepare('SELECT json, input_key FROM alignments WHERE call_id = ? AND version = ?').get(callId, version) as { json: string; input_key: string } | undefined
    if (!row) return null
    try {
      return { alignment: JSON.parse(row.json) as Alignment, inputKey: row.input_key }
    } catch {
      return null // a damaged row is recomputed, not trusted
    }
  }

  saveAlignment(callId: string, alignment: Alignment, inputKey: string): void {
    this.db
      .prepare('INSERT OR REPLACE INTO alignments (call_id, version, input_key, json, computed_ms) VALUES (?, ?, ?, ?, ?)')
      .run(callId, alignment.version, inputKey, JSON.stringify(alignment), Date.now())
  }
}
