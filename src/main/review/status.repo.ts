// A call's review status with who set it and when. No row means unreviewed; the newer status
// wins a merge.
import type { ReviewStatus, ReviewStatusValue } from '@shared/review'
import type { Db } from '../store/db'
import { mergeOutcome, nextStamp, type MergeOutcome } from './merge'

interface Row {
  call_id: string
  status: ReviewStatusValue
  author: string
  updated_ms: number
}

const toStatus = (r: Row): ReviewStatus => ({ callId: r.call_id, status: r.status, author: r.author, updatedMs: r.updated_ms })
const content = (s: ReviewStatus) => JSON.stringify([s.callId, s.status, s.author, s.updatedMs])

export class StatusRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      get: db.prepare<[string], Row>('SELECT * FROM review_status WHERE call_id = ?'),
      all: db.prepare<[], Row>('SELECT * FROM review_status ORDER BY call_id'),
      put: db.prepare(`INSERT INTO review_status (call_id, status, author, updated_ms) VALUES (@callId, @status, @author, @updatedMs)
        ON CONFLICT (call_id) DO UPDATE SET status = excluded.status, author = excluded.author, updated_ms = excluded.updated_ms`),
      // The ids arrive as one JSON array: one statement for a page of any size.
      reviewed: db.prepare<[string], { call_id: string }>(
        "SELECT call_id FROM review_status WHERE call_id IN (SELECT value FROM json_each(?)) AND status <> 'unreviewed'",
      ),
    }
  }

  get(callId: string): ReviewStatus | null {
    const row = this.stmts.get.get(callId)
    return row ? toStatus(row) : null
  }

  set(callId: string, status: ReviewStatusValue, author: string, now: number): ReviewStatus {
    const next: ReviewStatus = { callId, status, author, updatedMs: nextStamp(now, this.get(callId)?.updatedMs) }
    this.stmts.put.run(next)
    return next
  }

  /** Of these calls, the ones somebody has started or finished reviewing. */
  reviewedAmong(callIds: string[]): Set<string> {
    return new Set(this.stmts.reviewed.all(JSON.stringify(callIds)).map((r) => r.call_id))
  }

  *all(): Generator<ReviewStatus> {
    for (const row of this.stmts.all.iterate()) yield toStatus(row)
  }

  merge(incoming: ReviewStatus): MergeOutcome {
    const local = this.get(incoming.callId)
    const outcome = mergeOutcome(incoming, local, content)
    if (outcome !== 'unchanged') this.stmts.put.run(incoming)
    return outcome
  }
}
