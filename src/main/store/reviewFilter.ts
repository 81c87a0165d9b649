// The call list's filters over review data (status, tags, has annotations, score). The list lives
// in the cache database and review data in the workspace: reviewWhere(filter, 'ws') is SQL over
// `calls.id` for a cache connection that has the workspace ATTACHed as `ws` (attachWorkspace
// below): one query, any number of calls. It lives in store/ because the call query builds on it
// (store/ must not depend on review/, which depends on store/).
// Each condition is "calls.id [NOT] IN (subquery)": no row means unreviewed / untagged / unscored,
// so a filter that matches calls without rows is written as the negation of the ones with rows.
import type { ReviewFilter } from '@shared/review'
import type { Where } from './callFilter'
import type { Db } from './db'

interface Condition {
  negate: boolean
  sql: string
  params: unknown[]
}


function conditions(f: ReviewFilter, schema: string): Condition[] {
  const out: Condition[] = []
  const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ')
  const statuses = f.reviewStatuses
  if (statuses?.length) {
    // A call without a row is unreviewed: with 'unreviewed' wanted, drop the calls whose row says otherwise.
    if (statuses.includes('unreviewed')) out.push({ negate: true, sql: `SELECT call_id FROM ${schema}.review_status WHERE status NOT IN (${marks(statuses.length)})`, params: statuses })
    else out.push({ negate: false, sql: `SELECT call_id FROM ${schema}.review_status WHERE status IN (${marks(statuses.length)})`, params: statuses })
  }
  for (const tag of f.tags ?? []) out.push({ negate: false, sql: `SELECT call_id FROM ${schema}.call_tags WHERE tag = ? AND deleted = 0`, params: [tag] })
  if (f.hasAnnotations !== undefined) out.push({ negate: !f.hasAnnotations, sql: `SELECT call_id FROM ${schema}.annotations WHERE deleted = 0`, params: [] })
  // A call scored with several scorecards shows its newest score in the list (the Score column):
  // the score filters test that one.
  const newest = `SELECT call_id FROM ${schema}.scores s WHERE s.id = (${newestScoreId(schema, 's.call_id')})`
  if (f.scoreMin !== undefined || f.scoreMax !== undefined) {
    out.push({ negate: false, sql: `${newest} AND s.total >= ? AND s.total <= ?`, params: [f.scoreMin ?? 0, f.scoreMax ?? 100] })
  }
  if (f.autoFailed !== undefined) out.push({ negate: !f.autoFailed, sql: `${newest} AND s.auto_failed = 1`, params: [] })
  return out
}

/** The id of a call's newest score (the one the list shows and the score filters test); `callId` is an SQL expression. */
export const newestScoreId = (schema: string, callId: string) =>
  `SELECT id FROM ${schema}.scores WHERE call_id = ${callId} ORDER BY updated_ms DESC, id DESC LIMIT 1`

/** SQL over `calls.id` for a cache connection with the workspace attached as `schema`; null without filters. */
export function reviewWhere(f: ReviewFilter, schema = 'ws'): Where | null {
  const parts = conditions(f, schema)
  if (!parts.length) return null
  return { sql: parts.map((c) => `calls.id ${c.negate ? 'NOT IN' : 'IN'} (${c.sql})`).join(' AND '), params: parts.flatMap((c) => c.params) }
}

/** Makes the workspace readable from a cache connection as `ws` (for reviewWhere and the list's review columns). */
export function attachWorkspace(cache: Db, workspaceFile: string): void {
  const attached = cache.pragma('database_list') as { name: string }[]
  if (!attached.some((d) => d.name === 'ws')) cache.prepare('ATTACH DATABASE ? AS ws').run(workspaceFile)
}
