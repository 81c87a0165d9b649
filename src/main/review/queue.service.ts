// Review queues: a saved view is a queue in its own order. Review next walks the view's calls (from
// the cache, in the view's sort) and returns the first unreviewed call after the one it returned
// last time, which it remembers per view in the workspace. At the end it wraps around to calls
// still unreviewed before that point, so calls synced later or skipped are not lost.
import { AppError } from '@shared/errors'
import type { CallQuery } from '@shared/query'
import type { CallQueryService } from '../store/callQuery.service'
import type { Db } from '../store/db'
import type { ViewsRepo } from '../store/views.repo'
import { MAX_PAGE } from '../store/callQuery.schema'
import type { StatusRepo } from './status.repo'

export class QueueService {
  private readonly stmts

  constructor(
    db: Db,
    private readonly deps: { query: CallQueryService; views: ViewsRepo; status: StatusRepo },
  ) {
    this.stmts = {
      get: db.prepare<[string], { call_id: string }>('SELECT call_id FROM queue_positions WHERE view_id = ?'),
      put: db.prepare(`INSERT INTO queue_positions (view_id, call_id, updated_ms) VALUES (?, ?, ?)
        ON CONFLICT (view_id) DO UPDATE SET call_id = excluded.call_id, updated_ms = excluded.updated_ms`),
    }
  }

  /** The call Review next last opened in this view, or null. */
  position(viewId: string): string | null {
    return this.stmts.get.get(viewId)?.call_id ?? null
  }

  next(viewId: string, now = Date.now()): string | null {
    const view = this.deps.views.list().find((v) => v.id === viewId)
    if (!view) throw new AppError('NOT_FOUND', 'That review queue (saved view) no longer exists.')
    const last = this.position(viewId)
    let passed = last === null
    let before: string | null = null
    let lastStillOpen = false
    for (const ids of this.pages(view.query)) {
      const reviewed = this.deps.status.reviewedAmong(ids)
      for (const id of ids) {
        // The remembered call marks the place even if it was reviewed meanwhile.
        if (id === last) {
          passed = true
          lastStillOpen = !reviewed.has(id)
        } else if (!reviewed.has(id)) {
          if (passed) return this.remember(viewId, id, now)
          before ??= id
        }
      }
    }
    const wrapped = before ?? (lastStillOpen ? last : null)
    return wrapped === null ? null : this.remember(viewId, wrapped, now)
  }

  private remember(viewId: string, callId: string, now: number): string {
    this.stmts.put.run(viewId, callId, now)
    return callId
  }

  /** The view's call ids in its order, a page at a time (the view's own paging is not the queue's). */
  private *pages(q: CallQuery): Generator<string[]> {
    const { offset: _offset, limit: _limit, ...query } = q
    for (let offset = 0; ; offset += MAX_PAGE) {
      const page = this.deps.query.list({ ...query, offset, limit: MAX_PAGE })
      if (page.rows.length) yield page.rows.map((r) => r.id)
      if (offset + MAX_PAGE >= page.total || page.rows.length === 0) return
    }
  }
}
