// Reads of the call list for the renderer, the CLI and the bench: filtered, sorted, paged rows
// with a total, facet counts, and one call with its detail. Answers come from the cache only.
import { type CallFacets, type CallPage, type CallQuery, type CallRow, type FacetCount } from '@shared/query'
import type { CallDetail, CallSummary } from '@shared/domain'
import type { ReviewStatusValue, ReviewSummary } from '@shared/review'
import type { Statement } from 'better-sqlite3'
import { AppError } from '@shared/errors'
import type { Db } from './db'
import { buildWhere, hasEqualityFilter, textMatch, type FacetDimension, type Where } from './callFilter'
import { newestScoreId } from './reviewFilter'
import { RowidSet } from './rowidSet'
import { queryWords, snippet } from './snippet'
import { sharedFields, summaryFromRow, type CallsRow, type StoredCallRow } from './callRow'
import { decodeTranscript, storedTranscriptText } from './transcriptRow'

const SORT_SQL: Record<NonNullable<CallQuery['sortBy']>, string> = {
  createdAt: 'created_ms',
  updatedAt: 'updated_ms',
  duration: 'duration_s',
  cost: 'cost_credits',
  latency: 'avg_latency_ms',
  status: 'status',
  type: 'type',
  agent: 'agent_name',
  from: 'from_number',
  to: 'to_number',
  reason: 'disconnect_reason',
  id: 'id',
}

const ROW_COLUMNS = `calls.rowid AS rowid, id, status, type, created_at, duration_s, from_number, to_number, agent_id, agent_name, campaign_id,
  disconnect_reason, cost_credits, avg_latency_ms, summary, has_recording, is_test`

/** A list row: the columns of ROW_COLUMNS. */
type RowRecord = { rowid: number } & Pick<CallsRow, 'id' | 'status' | 'type' | 'created_at' | 'duration_s' | 'from_number' | 'to_number' | 'agent_id'
  | 'agent_name' | 'campaign_id' | 'disconnect_reason' | 'cost_credits' | 'avg_latency_ms' | 'summary' | 'has_recording' | 'is_test'>

/** Many text matches, and the other filters to test in SQL while walking the sort index. */
interface TextKeep {
  where: Where
  matches: RowidSet
}

export const DEFAULT_PAGE = 100
/** Above this many text matches, walking the sort index beats sorting the matches. */
const SCAN_ABOVE = 2000
/** Up to this many calls expected before the page's end, the sort index is walked (see page()). */
const WALK_EXPECTED = 2000
const NOT_FILTERS = new Set(['text', 'sortBy', 'sortOrder', 'offset', 'limit'])
/** No filter is set but (optionally) `except`. */
const onlyFilter = (q: CallQuery, except?: keyof CallQuery) => Object.entries(q).every(([k, v]) => k === except || NOT_FILTERS.has(k) || v === undefined)

export class CallQueryService {
  private readonly prepared = new Map<string, Statement<unknown[]>>()

  constructor(private readonly db: Db) {}

  /** Queries differ only by which filters are set, so a handful of shapes cover all calls. */
  private stmt(sql: string): Statement<unknown[]> {
    let s = this.prepared.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      if (this.prepared.size > 200) this.prepared.clear()
      this.prepared.set(sql, s)
    }
    return s
  }

  list(q: CallQuery): CallPage {
    // The text's matches are found once: their number decides how to run the page (and is the
    // total when text is the only filter); a few are passed on as a list, many are walked.
    const text = q.text?.trim()
    const found = text ? this.textMatches(text) : null
    const matches = found?.kind === 'set' ? found.set : null
    const textMatches = found ? (found.kind === 'set' ? found.set.size : found.count) : null
    const many = (matches?.size ?? 0) > SCAN_ABOVE
    const textOpts = found?.kind === 'test' ? { textTest: found.test } : { scanForText: many, ...(matches && !many ? { textRowids: matches.toArray() } : {}) }
    const where = buildWhere(q, undefined, textOpts)
    const offset = q.offset ?? 0
    const limit = q.limit ?? DEFAULT_PAGE
    // The count may read a different index than the page (see WhereOptions.testMeasures).
    const counted = hasEqualityFilter(q) ? buildWhere(q, undefined, { ...textOpts, testMeasures: true }) : where
    const total = textMatches !== null && onlyFilter(q, 'text') ? textMatches : this.total(q, counted)
    // Many text matches are tested in JavaScript against the set already found, not by a second search.
    const keep = many && matches ? { where: buildWhere({ ...q, text: undefined }), matches } : undefined
    const order = q.sortOrder === 'asc' ? 'ASC' : 'DESC'
    const records = total === 0 || offset >= total ? [] : this.page(where, SORT_SQL[q.sortBy ?? 'createdAt'], order, { offset, limit, total }, keep)
    const snippets = q.text ? this.snippets(q.text, records) : new Map<number, string>()
    const extras = this.pageExtras(records)
    return { rows: records.map((r) => toRow(r, snippets.get(r.rowid) ?? null, extras.get(r.id))), total, offset, limit }
  }

  /**
   * Every call the text matches: each search gathered on its own into one bitmap (a DISTINCT over
   * both sorted every match). When only ids and numbers match, and many do (a phone prefix can
   * match every call), they are counted, not gathered: the page tests the substring on each call.
   */
  private textMatches(text: string): { kind: 'set'; set: RowidSet } | { kind: 'test'; test: Where; count: number } {
    const match = textMatch(text)
    const set = new RowidSet()
    const gather = (w: Where) => {
      for (const rowid of this.stmt(w.sql).pluck().all(...w.params) as number[]) set.add(rowid)
    }
    if (match?.words) gather(match.words)
    if (match?.ids && set.size) gather(match.ids.rowids) // with words, every match is gathered anyway
    else if (match?.ids) {
      const { sql, params } = match.ids.rowids
      // One scan when they are few (the usual id or number); counted by a second only when many.
      const first = this.stmt(`${sql} LIMIT ?`).pluck().all(...params, SCAN_ABOVE + 1) as number[]
      if (first.length > SCAN_ABOVE) return { kind: 'test', test: match.ids.test, count: this.stmt(`SELECT COUNT(*) FROM (${sql})`).pluck().get(...params) as number }
      first.forEach((rowid) => set.add(rowid))
    }
    return { kind: 'set', set }
  }

  /**
   * What a page's rows carry besides their calls row, for all of them in one statement: the review
   * columns, from the workspace attached to this connection as ws, and whether a detail is stored
   * (as get() shows it, even one older than the call's latest change), by the call's rowid alone.
   */
  private pageExtras(records: Pick<RowRecord, 'id' | 'rowid'>[]): Map<string, { review: ReviewSummary; hasDetail: boolean }> {
    if (!records.length) return new Map()
    const rows = this.stmt(
      `WITH page (id, call_rowid) AS (SELECT value ->> 0, value ->> 1 FROM json_each(?))
       SELECT p.id,
         (SELECT status FROM ws.review_status WHERE call_id = p.id) AS status,
         (SELECT group_concat(tag, char(31)) FROM ws.call_tags WHERE call_id = p.id AND deleted = 0) AS tags,
         s.total AS score, s.auto_failed AS autoFailed,
         (SELECT COUNT(*) FROM ws.annotations WHERE call_id = p.id AND deleted = 0) AS annotations,
         EXISTS (SELECT 1 FROM call_details d WHERE d.call_rowid = p.call_rowid) AS hasDetail
       FROM page p LEFT JOIN ws.scores s ON s.id = (${newestScoreId('ws', 'p.id')})`,
    ).all(JSON.stringify(records.map((r) => [r.id, r.rowid]))) as { id: string; status: ReviewStatusValue | null; tags: string | null; score: number | null; autoFailed: number | null; annotations: number; hasDetail: number }[]
    return new Map(
      rows.map((r) => [
        r.id,
        {
          review: { status: r.status ?? 'unreviewed', tags: r.tags ? r.tags.split('\u001f').sort() : [], score: r.score, autoFailed: r.autoFailed === 1, annotations: r.annotations },
          hasDetail: r.hasDetail === 1,
        },
      ]),
    )
  }

  /** How many calls match. One disposition filter alone is counted in its own index. */
  private total(q: CallQuery, where: Where): number {
    const only = q.dispositions?.length === 1 && onlyFilter(q, 'dispositions')
    const d = q.dispositions?.[0]
    if (only && d && !q.text?.trim()) {
      // Each (call, identifier) is one row and every row's call exists: a deleted call takes its rows
      // along (the calls_deleted trigger; calls are never written with REPLACE, which would skip it).
      const sql = `SELECT COUNT(*) FROM dispositions WHERE identifier = ? AND value IN (${d.values.map(() => '?').join(',')})`
      return d.values.length ? (this.stmt(sql).pluck().get(d.identifier, ...d.values) as number) : this.count()
    }
    return this.stmt(`SELECT COUNT(*) FROM calls ${where.sql}`).pluck().get(...where.params) as number
  }

  /**
   * One page of rows. id breaks ties so paging is stable; both terms share one direction so a
   * (column, id) index serves the sort. Missing values (NULL) sort as the smallest, as SQLite
   * orders them.
   */
  private page(where: Where, column: string, order: string, at: { offset: number; limit: number; total: number }, keep?: TextKeep): RowRecord[] {
    const { offset, limit, total } = at
    const orderBy = `ORDER BY ${column} ${order}, id ${order}`
    // Without a filter every call matches: the total already is the count.
    const all = where.sql ? this.count() : total
    // When matches are common the page lies near the start of the sort index: a bounded stretch of
    // it is read and filtered. The planner cannot know this and would gather and sort every match.
    // The stretch allows for matches bunching up further on (a filter correlated with the sort);
    // if it still holds too few, the general query below answers.
    const expected = ((offset + limit) * all) / total
    // (With the text's matches in hand that holds even when every call matches, as a phone prefix can.)
    if (where.sql && (total < all || keep) && expected <= WALK_EXPECTED) {
      const span = Math.ceil(expected * 4) + 100
      const walk = (w: Where, cols: string) =>
        this.stmt(
          `SELECT ${cols} FROM (SELECT rowid AS pick FROM calls ${orderBy} LIMIT ?) CROSS JOIN calls ON calls.rowid = pick ${w.sql} ${orderBy}` +
            (keep ? '' : ' LIMIT ? OFFSET ?'),
        )
      const want = Math.min(limit, total - offset)
      if (keep) {
        // With no other filter the sort index alone gives the stretch's rowids (no row is read).
        const stretch = keep.where.sql ? walk(keep.where, 'calls.rowid') : this.stmt(`SELECT rowid FROM calls ${orderBy} LIMIT ?`)
        const found = (stretch.pluck().all(span, ...keep.where.params) as number[]).filter((r) => keep.matches.has(r))
        if (found.length >= offset + want) return this.rowsOf(found.slice(offset, offset + limit), orderBy)
      } else {
        const rows = walk(where, ROW_COLUMNS).all(span, ...where.params, limit, offset) as RowRecord[]
        if (rows.length === want) return rows
      }
    }
    // The page's rowids are found first and only those rows read: sorting or skipping thousands of
    // candidates then touches small index entries, never whole rows (a deferred join).
    return this.stmt(
      `SELECT ${ROW_COLUMNS} FROM (SELECT rowid AS pick FROM calls ${where.sql} ${orderBy} LIMIT ? OFFSET ?) CROSS JOIN calls ON calls.rowid = pick ${orderBy}`,
    ).all(...where.params, limit, offset) as RowRecord[]
  }

  /** The rows of these rowids, in list order. */
  private rowsOf(rowids: number[], orderBy: string): RowRecord[] {
    const sql = `SELECT ${ROW_COLUMNS} FROM calls WHERE calls.rowid IN (SELECT value FROM json_each(?)) ${orderBy}`
    return this.stmt(sql).all(JSON.stringify(rowids)) as RowRecord[]
  }

  /** A snippet for each row the words occur in: from its summary if they are there, else its transcript. */
  private snippets(text: string, records: RowRecord[]): Map<number, string> {
    const words = queryWords(text)
    const out = new Map<number, string>()
    if (words.length === 0) return out
    const rest: number[] = []
    for (const r of records) {
      const found = snippet(r.summary ?? '', words)
      if (found) out.set(r.rowid, found)
      else rest.push(r.rowid)
    }
    if (!rest.length) return out
    // The full-text index keeps no copy of the text: the transcripts are read where they are
    // stored, the rest of the page's at once (a summary match spares reading its transcript).
    const docs = this.stmt(
      `SELECT call_rowid AS rowid, transcript_json FROM call_details WHERE call_rowid IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(rest)) as { rowid: number; transcript_json: string }[]
    for (const doc of docs) {
      const found = snippet(storedTranscriptText(doc.transcript_json), words)
      if (found) out.set(doc.rowid, found)
    }
    return out
  }

  facets(q: CallQuery): CallFacets {
    const out: Partial<CallFacets> = {}
    for (const [key, count] of this.facetCounts(q)) out[key] = count()
    return out as CallFacets
  }

  /**
   * The same counts, giving the event loop a turn between dimensions: at 100k calls they take
   * main 0.1–0.8 s in all, and a list query the reviewer asks for meanwhile (typing on) should
   * wait for one dimension at most, not for all five. Counts that newer filters have replaced
   * (`superseded`) stop at the next turn instead of taking main's time from the new ones.
   */
  async facetsYielding(q: CallQuery, superseded: () => boolean = () => false): Promise<CallFacets> {
    const out: Partial<CallFacets> = {}
    for (const [key, count] of this.facetCounts(q)) {
      // The turn comes before each count, so a replaced request stops before counting again.
      await new Promise((resolve) => setImmediate(resolve))
      if (superseded()) throw new AppError('CANCELLED', 'Newer filters replaced these counts.')
      out[key] = count()
    }
    return out as CallFacets
  }

  private facetCounts(q: CallQuery): [keyof CallFacets, () => FacetCount[]][] {
    const count = (dim: FacetDimension, column: string, label = column) => (): FacetCount[] => {
      const where = buildWhere(q, dim)
      const rows = this.stmt(`SELECT ${column} AS value, MAX(${label}) AS label, COUNT(*) AS n FROM calls ${where.sql} GROUP BY ${column} ORDER BY n DESC, value`)
        .all(...where.params) as { value: string | null; label: string | null; n: number }[]
      return rows.filter((r) => r.value !== null).map((r) => ({ value: r.value!, label: r.label ?? r.value!, count: r.n }))
    }
    return [
      ['statuses', count('statuses', 'status')],
      ['types', count('types', 'type')],
      ['reasons', count('reasons', 'disconnect_reason')],
      ['agents', count('agentIds', 'agent_id', 'agent_name')],
      ['campaigns', count('campaignIds', 'campaign_id')],
    ]
  }

  get(id: string): { call: CallSummary | CallDetail; hasDetail: boolean } | null {
    const row = this.stmt(
        `SELECT calls.*, p.extras_json, d.detail_json, d.transcript_json FROM calls JOIN call_payloads p ON p.call_rowid = calls.rowid
         LEFT JOIN call_details d ON d.call_rowid = calls.rowid WHERE calls.id = ?`,
      )
      .get(id) as (StoredCallRow & { detail_json: string | null; transcript_json: string | null }) | undefined
    if (!row) return null
    const summary = summaryFromRow(row)
    if (!row.detail_json || !row.transcript_json) return { call: summary, hasDetail: false }
    const detail = JSON.parse(row.detail_json) as Omit<CallDetail, keyof CallSummary | 'transcript'>
    const transcript = decodeTranscript(row.transcript_json)
    return { call: { ...summary, ...detail, transcript }, hasDetail: true }
  }

  /** Every matching call in list order, one at a time (exports of 100k calls stay flat in memory). */
  *summaries(q: CallQuery): Generator<CallSummary> {
    const where = buildWhere(q)
    const column = SORT_SQL[q.sortBy ?? 'createdAt']
    const order = q.sortOrder === 'asc' ? 'ASC' : 'DESC'
    const rows = this.db
      .prepare(
        `SELECT calls.*, p.extras_json FROM calls JOIN call_payloads p ON p.call_rowid = calls.rowid ${where.sql} ORDER BY ${column} ${order}, id ${order}`,
      )
      .iterate(...where.params) as IterableIterator<StoredCallRow>
    for (const row of rows) yield summaryFromRow(row)
  }

  count(): number {
    return this.stmt('SELECT COUNT(*) FROM calls').pluck().get() as number
  }
}

const UNREVIEWED: ReviewSummary = { status: 'unreviewed', tags: [], score: null, autoFailed: false, annotations: 0 }

function toRow(r: RowRecord, snippet: string | null, extras?: { review: ReviewSummary; hasDetail: boolean }): CallRow {
  return {
    ...sharedFields(r),
    review: extras?.review ?? UNREVIEWED,
    avgLatencyMs: r.avg_latency_ms,
    snippet,
    hasRecording: r.has_recording === 1,
    hasDetail: extras?.hasDetail ?? false,
  }
}
