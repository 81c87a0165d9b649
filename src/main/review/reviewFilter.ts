// The call list's filters over review data (status, tags, has annotations, score). The list lives
// in the cache database and review data in the workspace, so this offers two ways to combine them:
//  - reviewWhere(filter, 'ws'): SQL over `calls.id` for a cache connection that has the workspace
//    ATTACHed as `ws` (attachWorkspace below): one query, any number of calls, sortable;
//  - matchingCallIds(filter): the ids to keep (include) or to drop (exclude), computed in the
//    workspace alone, to pass to the cache query as a JSON list.
// Each condition is "calls.id [NOT] IN (subquery)": no row means unreviewed / untagged / unscored,
// so a filter that matches calls without rows is written as the negation of the ones with rows.
import type { ReviewFilter } from '@shared/review'
import type { Db } from '../store/db'

interface Condition {
  negate: boolean
  sql: string
  params: unknown[]
}

export interface Where {
  sql: string
  params: unknown[]
}

export function conditions(f: ReviewFilter, schema: string): Condition[] {
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
  if (f.scoreMin !== undefined || f.scoreMax !== undefined) {
    out.push({ negate: false, sql: `SELECT call_id FROM ${schema}.scores WHERE total >= ? AND total <= ?`, params: [f.scoreMin ?? 0, f.scoreMax ?? 100] })
  }
  if (f.autoFailed !== undefined) out.push({ negate: !f.autoFailed, sql: `SELECT call_id FROM ${schema}.scores WHERE auto_failed = 1`, params: [] })
  return out
}

/** SQL over `calls.id` for a cache connection with the workspace attached as `schema`; null without filters. */
export function reviewWhere(f: ReviewFilter, schema = 'ws'): Where | null {
  const parts = conditions(f, schema)
  if (!parts.length) return null
  return { sql: parts.map((c) => `calls.id ${c.negate ? 'NOT IN' : 'IN'} (${c.sql})`).join(' AND '), params: parts.flatMap((c) => c.params) }
}

export type CallIdSet = { include: string[] } | { exclude: string[] }

/** The same filter answered from the workspace alone: ids to keep, or ids to drop; null without filters. */
export function matchingCallIds(workspace: Db, f: ReviewFilter): CallIdSet | null {
  const parts = conditions(f, 'main')
  if (!parts.length) return null
  const ids = (c: Condition) => new Set(workspace.prepare(c.sql).pluck().all(...c.params) as string[])
  const exclude = new Set<string>()
  for (const c of parts.filter((p) => p.negate)) for (const id of ids(c)) exclude.add(id)
  const includes = parts.filter((p) => !p.negate).map(ids)
  if (includes.length === 0) return { exclude: [...exclude].sort() }
  const include = includes.reduce((kept, these) => new Set([...kept].filter((id) => these.has(id))))
  return { include: [...include].filter((id) => !exclude.has(id)).sort() }
}

/** Makes the workspace readable from a cache connection as `schema` (for reviewWhere). */
export function attachWorkspace(cache: Db, workspaceFile: string, schema = 'ws'): void {
  if (!/^[a-z_]+$/.test(schema)) throw new Error(`bad schema name ${schema}`)
  const attached = cache.pragma('database_list') as { name: string }[]
  if (!attached.some((d) => d.name === schema)) cache.prepare(`ATTACH DATABASE ? AS ${schema}`).run(workspaceFile)
}

/** ORDER BY expressions of the review columns, for a cache connection with the workspace attached. */
export function reviewSortSql(schema = 'ws'): Record<'reviewStatus' | 'score' | 'annotations', string> {
  return {
    reviewStatus: `COALESCE((SELECT status FROM ${schema}.review_status WHERE call_id = calls.id), 'unreviewed')`,
    score: `(SELECT total FROM ${schema}.scores WHERE call_id = calls.id ORDER BY updated_ms DESC LIMIT 1)`,
    annotations: `(SELECT COUNT(*) FROM ${schema}.annotations WHERE call_id = calls.id AND deleted = 0)`,
  }
}
