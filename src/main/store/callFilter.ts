// Turns a CallQuery's filters into one SQL WHERE clause over `calls` with bound values (never
// concatenated). Facets call it with one dimension left out, so each facet counts what the
// user would get by picking that value.
import { reviewWhere } from './reviewFilter'
import type { CallQuery } from '@shared/query'

export interface Where {
  sql: string
  params: unknown[]
}

export type FacetDimension = 'statuses' | 'types' | 'reasons' | 'agentIds' | 'campaignIds'

const COLUMN_OF: Record<FacetDimension, string> = {
  statuses: 'status',
  types: 'type',
  reasons: 'disconnect_reason',
  agentIds: 'agent_id',
  campaignIds: 'campaign_id',
}

/** Text as a LIKE pattern's literal part (the statements say ESCAPE '\\'). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => '\\' + c)

/** Words for FTS5: each quoted (so operators in user text are literal), the last one a prefix. */
export function ftsQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu)
  if (!words?.length) return null
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ')
}

export interface WhereOptions {
  /**
   * For a text that matches many calls: walk the sort index and test each call against the
   * matches (the unary + keeps SQLite from driving the query from the match set and sorting it).
   */
  scanForText?: boolean
  /** The text's matches, already found (few): tested as a list instead of searching again. */
  textRowids?: number[]
  /** The text matched ids and numbers only, many of them: their substring test, made on each call. */
  textTest?: Where
  /**
   * Ranges on duration, cost and latency are tested, not searched: most calls have a duration and
   * a cost, so walking one of those indexes costs a row lookup per match, where an equality filter
   * finds the same calls inside a covering index (see 003_cache_speed.sql).
   */
  testMeasures?: boolean
}

/** Filters that some index serves as an equality (a range of few, dense entries). */
export function hasEqualityFilter(q: CallQuery): boolean {
  return (Object.keys(COLUMN_OF) as FacetDimension[]).some((d) => q[d]?.length) || q.hasRecording !== undefined || q.isTest !== undefined
}

export function buildWhere(q: CallQuery, omit?: FacetDimension, opts: WhereOptions = {}): Where {
  const parts: string[] = []
  const params: unknown[] = []
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql)
    params.push(...values)
  }
  for (const dim of Object.keys(COLUMN_OF) as FacetDimension[]) {
    const values = q[dim]
    if (dim === omit || !values?.length) continue
    add(`${COLUMN_OF[dim]} IN (${values.map(() => '?').join(',')})`, ...values)
  }
  if (q.createdFrom) add('created_ms >= ?', Date.parse(q.createdFrom))
  if (q.createdTo) add('created_ms <= ?', Date.parse(q.createdTo))
  const m = opts.testMeasures ? '+' : ''
  if (q.durationMin !== undefined) add(`${m}duration_s >= ?`, q.durationMin)
  if (q.durationMax !== undefined) add(`${m}duration_s <= ?`, q.durationMax)
  if (q.costMin !== undefined) add(`${m}cost_credits >= ?`, q.costMin)
  if (q.costMax !== undefined) add(`${m}cost_credits <= ?`, q.costMax)
  if (q.latencyMin !== undefined) add(`${m}avg_latency_ms >= ?`, q.latencyMin)
  if (q.latencyMax !== undefined) add(`${m}avg_latency_ms <= ?`, q.latencyMax)
  if (q.hasRecording !== undefined) add('has_recording = ?', q.hasRecording ? 1 : 0)
  if (q.isTest !== undefined) add('is_test = ?', q.isTest ? 1 : 0)
  for (const d of q.dispositions ?? []) {
    if (!d.values.length) continue
    add(
      `calls.rowid IN (SELECT call_rowid FROM dispositions WHERE identifier = ? AND value IN (${d.values.map(() => '?').join(',')}))`,
      d.identifier,
      ...d.values,
    )
  }
  const review = q.review && reviewWhere(q.review)
  if (review) add(review.sql, ...review.params)
  const text = q.text?.trim()
  if (text) {
    const match = textMatch(text)
    if (opts.textTest) add(opts.textTest.sql, ...opts.textTest.params)
    else if (opts.textRowids) add('calls.rowid IN (SELECT value FROM json_each(?))', JSON.stringify(opts.textRowids))
    else if (match) add(`${opts.scanForText ? '+' : ''}calls.rowid IN (${match.sql})`, ...match.params)
    else add('0')
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

export interface TextMatch extends Where {
  /** Full text over words: the rowids it matches. */
  words: Where | null
  /** Substring over ids and phone numbers: the rowids it matches, and the same test made on a call row. */
  ids: { rowids: Where; test: Where } | null
}

/**
 * What an id or phone-number search looks in: exactly the expression the calls_search index holds
 * (cache migration 009), so the LIKE scans that small index, not the table. LIKE ignores ASCII case.
 */
export const SEARCH_IDS = "(calls.id || ' ' || calls.from_number || ' ' || calls.to_number)"

/** The rowids of calls whose text matches: full text over words, substring over ids and numbers. */
export function textMatch(text: string): TextMatch | null {
  const fts = ftsQuery(text)
  const words: Where | null = fts ? { sql: 'SELECT rowid FROM call_text WHERE call_text MATCH ?', params: [fts] } : null
  const needle = text.replace(/\s+/g, '')
  // Ids and phone numbers are mostly digits: a needle without any is a word for full text alone.
  const like = `%${escapeLike(needle)}%`
  const test = { sql: `${SEARCH_IDS} LIKE ? ESCAPE '\\'`, params: [like] }
  const ids = /\d/.test(needle) ? { rowids: { sql: `SELECT rowid FROM calls WHERE ${test.sql}`, params: test.params }, test } : null
  const parts = [words, ids?.rowids].filter((p) => p != null)
  if (parts.length < 2) return parts.length ? { ...parts[0]!, words, ids } : null
  // Not a plain UNION: SQLite merges one by reading both sides in rowid order, which turns the
  // LIKE into a scan of the whole table instead of the small calls_search index.
  return { sql: `SELECT DISTINCT rowid FROM (${parts.map((p) => p.sql).join(' UNION ALL ')})`, params: parts.flatMap((p) => p.params), words, ids }
}
