// Writes of the cache: calls from the list/search endpoints and details from the detail endpoint.
// Every batch is one synchronous transaction with statements prepared once; the full-text rows
// and the per-call disposition rows are kept in step inside the same transaction.
import { createHash } from 'node:crypto'
import type { CallDetail, CallSummary } from '@shared/domain'
import type { Db } from './db'

export interface UpsertCounts {
  inserted: number
  updated: number
  unchanged: number
}

const hash = (text: string) => createHash('sha1').update(text).digest('base64')
const ms = (iso: string | null) => (iso ? Date.parse(iso) || null : null)

export class CallsRepo {
  private readonly stmts

  constructor(private readonly db: Db) {
    this.stmts = {
      hashOf: db.prepare<[string], { rowid: number; list_hash: string; detail_state: string }>('SELECT rowid, list_hash, detail_state FROM calls WHERE id = ?'),
      summaryOf: db.prepare<[string], { summary_json: string }>('SELECT summary_json FROM call_payloads WHERE call_id = ?'),
      upsertPayload: db.prepare(`INSERT INTO call_payloads (call_id, summary_json, raw_json) VALUES (?, ?, ?)
        ON CONFLICT (call_id) DO UPDATE SET summary_json = excluded.summary_json, raw_json = excluded.raw_json`),
      upsert: db.prepare(`
        INSERT INTO calls (id, db_id, status, type, duration_s, from_number, to_number, agent_id, agent_name, campaign_id,
          created_at, created_ms, updated_ms, disconnect_reason, failure_reason, cost_credits, recording_url,
          recording_dual_url, has_recording, retry_count, retry_attempt, retry_call_id, is_test, version_id,
          version_number, summary, avg_latency_ms, search_ids, list_hash, detail_state, synced_ms)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET db_id = excluded.db_id, status = excluded.status, type = excluded.type,
          duration_s = excluded.duration_s, from_number = excluded.from_number, to_number = excluded.to_number,
          agent_id = excluded.agent_id, agent_name = COALESCE(excluded.agent_name, calls.agent_name),
          campaign_id = excluded.campaign_id, created_at = excluded.created_at, created_ms = excluded.created_ms,
          updated_ms = excluded.updated_ms, disconnect_reason = excluded.disconnect_reason,
          failure_reason = excluded.failure_reason, cost_credits = excluded.cost_credits,
          recording_url = excluded.recording_url, recording_dual_url = excluded.recording_dual_url,
          has_recording = excluded.has_recording, retry_count = excluded.retry_count,
          retry_attempt = excluded.retry_attempt, retry_call_id = excluded.retry_call_id, is_test = excluded.is_test,
          version_id = excluded.version_id, version_number = COALESCE(excluded.version_number, calls.version_number),
          summary = COALESCE(excluded.summary, calls.summary), avg_latency_ms = COALESCE(excluded.avg_latency_ms, calls.avg_latency_ms),
          search_ids = excluded.search_ids, list_hash = excluded.list_hash,
          detail_state = excluded.detail_state, synced_ms = excluded.synced_ms
        RETURNING rowid`),
      // Full-text rows share the call's rowid, so replacing one is a lookup, not a scan.
      deleteText: db.prepare('DELETE FROM call_text WHERE rowid = ?'),
      insertText: db.prepare('INSERT INTO call_text (rowid, call_id, summary, transcript) VALUES (?, ?, ?, ?)'),
      transcriptOf: db.prepare<[string], { transcript_json: string }>('SELECT transcript_json FROM call_details WHERE call_id = ?'),
      deleteDispositions: db.prepare('DELETE FROM dispositions WHERE call_id = ?'),
      insertDisposition: db.prepare('INSERT OR REPLACE INTO dispositions (call_id, identifier, value, confidence) VALUES (?, ?, ?, ?)'),
      upsertAgent: db.prepare('INSERT INTO agents (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET name = COALESCE(excluded.name, agents.name)'),
      upsertCampaign: db.prepare('INSERT INTO campaigns (id) VALUES (?) ON CONFLICT (id) DO NOTHING'),
      upsertDetail: db.prepare(`INSERT INTO call_details (call_id, detail_json, transcript_json, turn_count, raw_json, fetched_ms)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO UPDATE SET detail_json = excluded.detail_json,
        transcript_json = excluded.transcript_json, turn_count = excluded.turn_count, raw_json = excluded.raw_json,
        fetched_ms = excluded.fetched_ms`),
      markDetail: db.prepare('UPDATE calls SET detail_state = ?, detail_error = ? WHERE id = ?'),
    }
  }

  /**
   * Stores list or search items. A call whose raw JSON is unchanged is left alone. Search items
   * lack the disposition map and version number, so those are kept from the stored call.
   */
  upsertSummaries(calls: CallSummary[], raws: Record<string, unknown>[], opts: { source?: 'list' | 'search'; now?: number } = {}): UpsertCounts {
    const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 }
    const now = opts.now ?? Date.now()
    this.db.transaction(() => {
      calls.forEach((fresh, i) => {
        const call = opts.source === 'search' ? this.keepListOnlyFields(fresh) : fresh
        const rawJson = JSON.stringify(raws[i] ?? {})
        const listHash = hash(rawJson)
        const before = this.stmts.hashOf.get(call.id)
        if (before?.list_hash === listHash) {
          counts.unchanged++
          return
        }
        // A changed call needs its detail again (new transcript, analytics or recording).
        const detailState = before ? (before.detail_state === 'missing' ? 'missing' : 'stale') : 'missing'
        const { rowid } = this.stmts.upsert.get(...summaryRow(call, listHash, detailState, now)) as { rowid: number }
        this.stmts.upsertPayload.run(call.id, JSON.stringify(call), rawJson)
        this.indexSummary(call, rowid, !before)
        if (before) counts.updated++
        else counts.inserted++
      })
      this.noteAgents(calls)
    })()
    return counts
  }

  private keepListOnlyFields(call: CallSummary): CallSummary {
    const stored = this.stmts.summaryOf.get(call.id)
    if (!stored) return call
    const before = JSON.parse(stored.summary_json) as CallSummary
    return {
      ...call,
      dispositions: Object.keys(call.dispositions).length ? call.dispositions : before.dispositions,
      versionNumber: call.versionNumber ?? before.versionNumber,
    }
  }

  private indexSummary(call: CallSummary, rowid: number, isNew: boolean): void {
    if (!isNew) this.stmts.deleteText.run(rowid)
    const transcript = isNew ? null : this.stmts.transcriptOf.get(call.id)?.transcript_json
    this.stmts.insertText.run(rowid, call.id, call.summary ?? '', transcript ? transcriptText(JSON.parse(transcript) as { text: string }[]) : '')
    if (!isNew) this.stmts.deleteDispositions.run(call.id)
    const confidence = new Map(call.dispositionResults.map((d) => [d.identifier, d.confidence]))
    const values = { ...call.dispositions }
    for (const d of call.dispositionResults) values[d.identifier] ??= d.value
    for (const [identifier, value] of Object.entries(values)) {
      this.stmts.insertDisposition.run(call.id, identifier, value, confidence.get(identifier) ?? null)
    }
  }

  /** Agents and campaigns seen in a batch, written once each rather than once per call. */
  private noteAgents(calls: CallSummary[]): void {
    const agents = new Map(calls.filter((c) => c.agentId).map((c) => [c.agentId!, c.agentName]))
    for (const [id, name] of agents) this.stmts.upsertAgent.run(id, name)
    for (const id of new Set(calls.map((c) => c.campaignId).filter((c): c is string => c !== null))) this.stmts.upsertCampaign.run(id)
  }

  /** Stores details fetched from GET /conversation/{id}; the call's summary is refreshed too. */
  saveDetails(items: { call: CallDetail; raw: Record<string, unknown> }[], now = Date.now()): void {
    this.db.transaction(() => {
      for (const { call, raw } of items) {
        const { transcript, events, variables, agent, voice, slmModel, ...summary } = call
        const rowid = this.upsertSummaryFromDetail(summary, raw, now)
        const detailJson = JSON.stringify({ events, variables, agent, voice, slmModel })
        this.stmts.upsertDetail.run(call.id, detailJson, JSON.stringify(transcript), transcript.length, JSON.stringify(raw), now)
        this.stmts.deleteText.run(rowid)
        this.stmts.insertText.run(rowid, call.id, call.summary ?? '', transcriptText(transcript))
        this.stmts.markDetail.run('fetched', null, call.id)
      }
    })()
  }

  /** A detail of a call the list has not given yet also creates its row; returns the rowid. */
  private upsertSummaryFromDetail(summary: CallSummary, raw: Record<string, unknown>, now: number): number {
    const before = this.stmts.hashOf.get(summary.id)
    if (before) return before.rowid
    const rawJson = JSON.stringify(raw)
    const { rowid } = this.stmts.upsert.get(...summaryRow(summary, hash(rawJson), 'missing', now)) as { rowid: number }
    this.stmts.upsertPayload.run(summary.id, JSON.stringify(summary), rawJson)
    this.indexSummary(summary, rowid, true)
    return rowid
  }

  markDetailFailed(callId: string, message: string): void {
    this.stmts.markDetail.run('failed', message.slice(0, 500), callId)
  }
}

export function transcriptText(turns: { text: string }[]): string {
  return turns.map((t) => t.text).join('\n')
}

/** The values of one calls row, in the column order of the upsert (positional binding is faster). */
function summaryRow(call: CallSummary, listHash: string, detailState: string, now: number): unknown[] {
  return [
    call.id, call.dbId, call.status, call.type, call.durationS, call.from, call.to, call.agentId, call.agentName,
    call.campaignId, call.createdAt, ms(call.createdAt) ?? 0, ms(call.updatedAt), call.disconnectReason,
    call.failureReason, call.costCredits, call.recordingUrl, call.recordingDualUrl,
    call.recordingUrl || call.recordingDualUrl ? 1 : 0, call.retryCount, call.retryAttemptNumber, call.retryCallId,
    call.isTest ? 1 : 0, call.versionId, call.versionNumber, call.summary, call.latency?.avgMs ?? null,
    `${call.id} ${call.from} ${call.to}`.toLowerCase(), listHash, detailState, now,
  ]
}
