// Tags on calls, keyed by (call, tag): the pair is its own stable id across installs. Removing a
// tag leaves a tombstone with its time, so the newer of "added" and "removed" wins a merge.
import type { Db } from '../store/db'
import { mergeOutcome, nextStamp, type MergeOutcome } from './merge'
import { escapeLike } from '../store/callFilter'

export interface TagRecord {
  callId: string
  tag: string
  updatedMs: number
  deleted: boolean
}

interface Row {
  call_id: string
  tag: string
  updated_ms: number
  deleted: number
}

const toRecord = (r: Row): TagRecord => ({ callId: r.call_id, tag: r.tag, updatedMs: r.updated_ms, deleted: r.deleted === 1 })
const content = (t: TagRecord) => JSON.stringify([t.callId, t.tag, t.updatedMs, t.deleted])

export class TagsRepo {
  private readonly stmts

  constructor(private readonly db: Db) {
    this.stmts = {
      get: db.prepare<[string, string], Row>('SELECT * FROM call_tags WHERE call_id = ? AND tag = ?'),
      ofCall: db.prepare<[string], Row>('SELECT * FROM call_tags WHERE call_id = ?'),
      all: db.prepare<[], Row>('SELECT * FROM call_tags ORDER BY call_id, tag'),
      put: db.prepare(`INSERT INTO call_tags (call_id, tag, updated_ms, deleted) VALUES (?, ?, ?, ?)
        ON CONFLICT (call_id, tag) DO UPDATE SET updated_ms = excluded.updated_ms, deleted = excluded.deleted`),
      suggest: db.prepare<[string], { tag: string }>(
        "SELECT tag FROM call_tags WHERE deleted = 0 AND tag LIKE ? ESCAPE '\\' GROUP BY tag ORDER BY COUNT(*) DESC, tag LIMIT 20",
      ),
    }
  }

  ofCall(callId: string): string[] {
    return this.stmts.ofCall.all(callId).filter((r) => r.deleted === 0).map((r) => r.tag).sort()
  }

  /** Makes the call's tags exactly `tags` (already normalised): new ones added, missing ones tombstoned. */
  set(callId: string, tags: string[], now: number): string[] {
    const wanted = new Set(tags)
    // Immediate: the read and the writes happen under the write lock, so another connection
    // writing meanwhile (the CLI, the app) makes this wait (busy_timeout) instead of failing with
    // a busy snapshot when a deferred read transaction tries to become a write one.
    this.db.transaction(() => {
      const rows = new Map(this.stmts.ofCall.all(callId).map((r) => [r.tag, r]))
      for (const tag of wanted) {
        const row = rows.get(tag)
        if (!row || row.deleted === 1) this.stmts.put.run(callId, tag, nextStamp(now, row?.updated_ms), 0)
      }
      for (const row of rows.values()) {
        if (row.deleted === 0 && !wanted.has(row.tag)) this.stmts.put.run(callId, row.tag, nextStamp(now, row.updated_ms), 1)
      }
    }).immediate()
    return this.ofCall(callId)
  }

  *all(): Generator<TagRecord> {
    for (const row of this.stmts.all.iterate()) yield toRecord(row)
  }

  merge(incoming: TagRecord): MergeOutcome {
    const row = this.stmts.get.get(incoming.callId, incoming.tag)
    const local = row ? toRecord(row) : null
    const outcome = mergeOutcome(incoming, local, content)
    if (outcome !== 'unchanged') this.stmts.put.run(incoming.callId, incoming.tag, incoming.updatedMs, incoming.deleted ? 1 : 0)
    return outcome
  }

  /** Tags in use starting with the prefix, most used first. */
  suggestions(prefix: string): string[] {
    return this.stmts.suggest.all(`${escapeLike(prefix)}%`).map((r) => r.tag)
  }
}
