// Writes of the cache: calls from the list/search endpoints and details from the detail endpoint.
// Every batch is one synchronous transaction (the caller's, if it opened one) with statements
// prepared once; the full-text rows and the per-call disposition rows are kept in step inside it.
import { hash as digest } from 'node:crypto'
import type { CallDetail, CallSummary } from '@shared/domain'
import { COLUMNS, extrasJson, parseExtras, summaryRow } from './callRow'
import type { Db } from './db'
import { encodeTranscript, storedTranscriptText, transcriptText } from './transcriptRow'

export interface UpsertCounts {
  inserted: number
  updated: number
  unchanged: number
}

// One-shot digest: the same value as createHash('sha1')…digest('base64'), without a Hash object per call.
const hash = (text: string) => digest('sha1', text, 'base64')

/**
 * Where a call's detail stands, derived from what is stored (no column to keep up to date): fetched
 * when call_details holds one for the call as it is now, failed when the last try for the call as
 * it is now failed, stale when the call changed since its detail, else missing.
 */
export const DETAIL_JOINS = 'LEFT JOIN call_details d ON d.call_rowid = c.rowid LEFT JOIN call_detail_failures f ON f.call_id = c.id'
export const DETAIL_STATE = `CASE WHEN d.list_hash = c.list_hash THEN 'fetched' WHEN f.list_hash = c.list_hash THEN 'failed'
  WHEN d.call_rowid IS NOT NULL THEN 'stale' ELSE 'missing' END`

/** Search items may lack these; a missing one keeps what the list gave. */
const KEPT_IF_NULL = new Set(['agent_name', 'version_number', 'summary', 'avg_latency_ms'])

/** What a batch needs to know of a stored call. */
interface Stored {
  rowid: number
  list_hash: string
  /** A detail (transcript) is stored, current or not: its words are in the call's full-text row. */
  has_detail: boolean
  summary: string | null
}

/**
 * Whether a stored call may have a full-text row (see flushText): it has words from its summary or
 * from a transcript. Never false for a call that has one; deleting a row that is not there only
 * costs time (half the calls of a backfill have no words at all).
 */
const mayHaveText = (s: Stored) => !!s.summary || s.has_detail

/** A full-text row to write once the batch's other writes are done (see flushText). */
interface TextRow {
  summary: string
  transcript: string
  /** The call already has a full-text row, to be replaced. */
  replace: boolean
}

export class CallsRepo {
  private readonly stmts
  private readonly pendingText = new Map<number, TextRow>()

  constructor(private readonly db: Db) {
    // Inserts and updates are separate plain statements, not one upsert with RETURNING: the batch
    // already knows which calls exist, and the plain forms measured cheaper per call.
    const sets = COLUMNS.slice(1).map((c) => (KEPT_IF_NULL.has(c) ? `${c} = COALESCE(?, ${c})` : `${c} = ?`))
    this.stmts = {
      // What is stored of a batch's calls, in one statement: a statement per call cost more in
      // binding and stepping than the index lookups themselves.
      storedOf: db.prepare<[string], Omit<Stored, 'has_detail'> & { id: string; has_detail: number }>(
        `SELECT c.id, c.rowid, c.list_hash, EXISTS (SELECT 1 FROM call_details d WHERE d.call_rowid = c.rowid) AS has_detail, c.summary
         FROM calls c WHERE c.id IN (SELECT value FROM json_each(?))`,
      ),
      extrasOf: db.prepare<[number], { extras_json: string }>('SELECT extras_json FROM call_payloads WHERE call_rowid = ?'),
      insertCall: db.prepare(`INSERT INTO calls (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`),
      updateCall: db.prepare(`UPDATE calls SET ${sets.join(', ')} WHERE id = ?`),
      insertPayload: db.prepare('INSERT INTO call_payloads (call_rowid, extras_json, raw_json) VALUES (?, ?, ?)'),
      updatePayload: db.prepare('UPDATE call_payloads SET extras_json = ?, raw_json = ? WHERE call_rowid = ?'),
      // Full-text rows share the call's rowid, so replacing one is a lookup, not a scan.
      deleteText: db.prepare('DELETE FROM call_text WHERE rowid = ?'),
      insertText: db.prepare('INSERT INTO call_text (rowid, summary, transcript) VALUES (?, ?, ?)'),
      transcriptOf: db.prepare<[number], { transcript_json: string }>('SELECT transcript_json FROM call_details WHERE call_rowid = ?'),
      deleteDispositions: db.prepare('DELETE FROM dispositions WHERE call_rowid = ?'),
      insertDisposition: db.prepare('INSERT INTO dispositions (call_rowid, identifier, value, confidence) VALUES (?, ?, ?, ?)'),
      upsertAgent: db.prepare('INSERT INTO agents (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = COALESCE(excluded.name, agents.name)'),
      upsertCampaign: db.prepare('INSERT INTO campaigns (id) VALUES (?) ON CONFLICT (id) DO NOTHING'),
      // One statement whether or not the call has a detail yet: the update-then-insert it replaces
      // searched call_details twice for every first detail (the common case during a backfill).
      // The list_hash is the call's as the detail was fetched: a later change makes it stale.
      putDetail: db.prepare(`INSERT INTO call_details (call_rowid, detail_json, transcript_json, turn_count, raw_json, fetched_ms, list_hash) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (call_rowid) DO UPDATE SET detail_json = excluded.detail_json, transcript_json = excluded.transcript_json,
          turn_count = excluded.turn_count, raw_json = excluded.raw_json, fetched_ms = excluded.fetched_ms, list_hash = excluded.list_hash`),
      markFailed: db.prepare(`INSERT INTO call_detail_failures (call_id, list_hash, error) SELECT id, list_hash, ? FROM calls WHERE id = ?
        ON CONFLICT (call_id) DO UPDATE SET list_hash = excluded.list_hash, error = excluded.error`),
    }
  }

  /**
   * Stores list or search items. A call whose raw JSON is unchanged is left alone. Search items
   * lack the disposition map and latency, so those are kept from the stored call (see keepListOnlyFields).
   */
  upsertSummaries(calls: CallSummary[], raws: Record<string, unknown>[], opts: { source?: 'list' | 'search'; now?: number } = {}): UpsertCounts {
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 }
    const now = opts.now ?? Date.now()
    this.atomically(() => {
      const stored = this.storedOf(calls)
      calls.forEach((given, i) => {
        const before = stored.get(given.id)
        const call = opts.source === 'search' && before ? this.keepListOnlyFields(given, before.rowid) : given
        const rawJson = JSON.stringify(raws[i] ?? {})
        const listHash = hash(rawJson)
        if (before?.list_hash === listHash) {
          counts.unchanged++
          return
        }
        // A changed call needs its detail again (DETAIL_STATE: its new list_hash is not the detail's).
        const rowid = this.writeSummary(call, rawJson, listHash, now, before)
        // The same call later in this batch is an update of what was just written.
        stored.set(call.id, { rowid, list_hash: listHash, has_detail: before?.has_detail ?? false, summary: call.summary ?? before?.summary ?? null })
        if (before) counts.updated++
        else counts.inserted++
      })
      this.noteAgents(calls)
    })
    return counts
  }

  /** The disposition map and latency a search item lacks are kept (the columns keep the rest, see KEPT_IF_NULL). */
  private keepListOnlyFields(call: CallSummary, rowid: number): CallSummary {
    const stored = this.stmts.extrasOf.get(rowid)
    if (!stored) return call
    const before = parseExtras(stored.extras_json)
    return {
      ...call,
      dispositions: Object.keys(call.dispositions).length ? call.dispositions : before.dispositions,
      latency: call.latency ?? before.latency,
    }
  }

  /** Writes a call's row, payload, dispositions and (later) text; returns its rowid. */
  private writeSummary(call: CallSummary, rawJson: string, listHash: string, now: number, before?: Stored): number {
    const row = summaryRow(call, listHash, now)
    const extras = extrasJson(call)
    let rowid: number
    if (!before) {
      rowid = Number(this.stmts.insertCall.run(...row).lastInsertRowid)
      this.stmts.insertPayload.run(rowid, extras, rawJson)
      this.queueText(rowid, call.summary ?? '', '', false)
    } else {
      rowid = before.rowid
      this.stmts.updateCall.run(...row.slice(1), call.id)
      this.stmts.updatePayload.run(extras, rawJson, rowid)
      this.stmts.deleteDispositions.run(rowid)
      // The words change only with the summary (one the item lacks stays: KEPT_IF_NULL): most updates
      // are a status or a cost, and rewriting the row meant reading and parsing the transcript too.
      const summary = call.summary ?? before.summary
      if (summary !== before.summary) {
        const transcript = before.has_detail ? this.stmts.transcriptOf.get(rowid)?.transcript_json : null
        const text = transcript ? storedTranscriptText(transcript) : ''
        this.queueText(rowid, summary ?? '', text, mayHaveText(before))
      }
    }
    const confidence = new Map(call.dispositionResults.map((d) => [d.identifier, d.confidence]))
    const values = { ...call.dispositions }
    for (const d of call.dispositionResults) values[d.identifier] ??= d.value
    for (const [identifier, value] of Object.entries(values)) {
      this.stmts.insertDisposition.run(rowid, identifier, value, confidence.get(identifier) ?? null)
    }
    return rowid
  }

  /** A call written twice in one batch keeps one pending row, replacing only what was stored before. */
  private queueText(rowid: number, summary: string, transcript: string, replace: boolean): void {
    const pending = this.pendingText.get(rowid)
    this.pendingText.set(rowid, { summary, transcript, replace: pending ? pending.replace : replace })
  }

  /**
   * Full-text rows are written after the batch's other statements. FTS5 flushes its pending terms
   * to disk whenever a statement opens a statement savepoint after it: interleaved, that was one
   * tiny segment (and later merges) per call; batched, one flush per batch.
   */
  private flushText(): void {
    for (const [rowid, t] of this.pendingText) {
      if (t.replace) this.stmts.deleteText.run(rowid)
      // A call with no summary and no transcript (about half: unanswered, busy, failed) can never
      // match, so it gets no row (mayHaveText then spares it the delete before its first row).
      if (t.summary || t.transcript) this.stmts.insertText.run(rowid, t.summary, t.transcript)
    }
  }

  /** Agents and campaigns seen in a batch, written once each rather than once per call. */
  private noteAgents(calls: CallSummary[]): void {
    const agents = new Map(calls.filter((c) => c.agentId).map((c) => [c.agentId!, c.agentName]))
    for (const [id, name] of agents) this.stmts.upsertAgent.run(id, name)
    for (const id of new Set(calls.map((c) => c.campaignId).filter((c): c is string => c !== null))) this.stmts.upsertCampaign.run(id)
  }

  /** Stores details fetched from GET /conversation/{id}; a call not stored yet gets its row from the detail. */
  saveDetails(items: { call: CallDetail; raw: Record<string, unknown> }[], now = Date.now()): void {
    this.atomically(() => {
      const stored = this.storedOf(items.map((i) => i.call))
      for (const { call, raw } of items) {
        const { transcript, events, variables, agent, voice, slmModel } = call
        const rawJson = JSON.stringify(raw)
        let before = stored.get(call.id)
        if (!before) {
          // A detail of a call the list has not given yet also creates its row.
          const listHash = hash(rawJson)
          before = { rowid: this.writeSummary(call, rawJson, listHash, now), list_hash: listHash, has_detail: false, summary: call.summary }
          stored.set(call.id, before)
        }
        const detailJson = JSON.stringify({ events, variables, agent, voice, slmModel })
        this.stmts.putDetail.run(before.rowid, detailJson, encodeTranscript(transcript), transcript.length, rawJson, now, before.list_hash)
        // The summary's words are the row's (the detail does not change it); a row written earlier in this batch is replaced too.
        this.queueText(before.rowid, before.summary ?? '', transcriptText(transcript), mayHaveText(before))
      }
    })
  }

  /** The stored rowid, hash and detail state of these calls, by id. */
  private storedOf(calls: { id: string }[]): Map<string, Stored> {
    const rows = this.stmts.storedOf.all(JSON.stringify(calls.map((c) => c.id)))
    return new Map(rows.map((r) => [r.id, { ...r, has_detail: r.has_detail === 1 }]))
  }

  markDetailFailed(callId: string, message: string): void {
    this.stmts.markFailed.run(message.slice(0, 500), callId)
  }

  /**
   * A batch is one transaction, joined if the caller already opened one (sync stores a page and its
   * checkpoint together). Never a nested one: under a SAVEPOINT every later statement truncates an
   * in-memory statement journal that grows with the batch, and a 500-call page became quadratic.
   */
  private atomically(work: () => void): void {
    const run = () => {
      try {
        work()
        this.flushText()
      } finally {
        this.pendingText.clear()
      }
    }
    if (this.db.inTransaction) run()
    else this.db.transaction(run)()
  }
}
