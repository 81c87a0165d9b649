// The review columns of the call list for one page of rows: status, tags, latest score and the
// number of annotations per call, read from the workspace in four statements whatever the page size.
import type { ReviewStatusValue, ReviewSummary } from '@shared/review'
import type { Db } from '../store/db'

const IDS = 'SELECT value FROM json_each(?)'

export class ReviewSummaries {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      status: db.prepare<[string], { call_id: string; status: ReviewStatusValue }>(`SELECT call_id, status FROM review_status WHERE call_id IN (${IDS})`),
      tags: db.prepare<[string], { call_id: string; tag: string }>(`SELECT call_id, tag FROM call_tags WHERE deleted = 0 AND call_id IN (${IDS}) ORDER BY tag`),
      annotations: db.prepare<[string], { call_id: string; n: number }>(
        `SELECT call_id, COUNT(*) AS n FROM annotations WHERE deleted = 0 AND call_id IN (${IDS}) GROUP BY call_id`,
      ),
      scores: db.prepare<[string], { call_id: string; total: number | null; auto_failed: number }>(
        `SELECT call_id, total, auto_failed FROM scores WHERE call_id IN (${IDS}) ORDER BY updated_ms`,
      ),
    }
  }

  of(callIds: string[]): Record<string, ReviewSummary> {
    const out: Record<string, ReviewSummary> = {}
    for (const id of callIds) out[id] = { status: 'unreviewed', tags: [], score: null, autoFailed: false, annotations: 0 }
    const ids = JSON.stringify(callIds)
    for (const r of this.stmts.status.all(ids)) out[r.call_id]!.status = r.status
    for (const r of this.stmts.tags.all(ids)) out[r.call_id]!.tags.push(r.tag)
    for (const r of this.stmts.annotations.all(ids)) out[r.call_id]!.annotations = r.n
    // Ordered by time, so the last one written per call is the one left.
    for (const r of this.stmts.scores.all(ids)) Object.assign(out[r.call_id]!, { score: r.total, autoFailed: r.auto_failed === 1 })
    return out
  }
}
