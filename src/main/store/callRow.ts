// A call summary as a row of the calls table and back. The row holds every list field as a column;
// the few fields that are not columns (updatedAt as sent, the recording links, the disposition map
// and results, the latency statistics) travel beside it as one small JSON object in
// call_payloads.extras_json. The links (~100 bytes each from the API) were a third of a calls row,
// and every scan of the table (an index built at the end of a backfill, a sort without one) read them.
// Keeping the whole summary as JSON as well wrote each call twice and was ~6% of the ingest time.
import type { CallSummary } from '@shared/domain'

/** Columns of calls in the order of summaryRow(). */
export const COLUMNS = ['id', 'db_id', 'status', 'type', 'duration_s', 'from_number', 'to_number', 'agent_id', 'agent_name', 'campaign_id',
  'created_at', 'created_ms', 'updated_ms', 'disconnect_reason', 'failure_reason', 'cost_credits', 'has_recording', 'retry_count',
  'retry_attempt', 'retry_call_id', 'is_test', 'version_id', 'version_number', 'summary', 'avg_latency_ms', 'list_hash', 'synced_ms'] as const

/** The summary fields that are not columns. */
export type CallExtras = Pick<CallSummary, 'updatedAt' | 'recordingUrl' | 'recordingDualUrl' | 'dispositions' | 'dispositionResults' | 'latency'>

/** A row of the calls table as SQLite returns it (the columns Earmark reads back). */
export interface CallsRow {
  id: string
  db_id: string | null
  status: string
  type: string
  duration_s: number
  from_number: string
  to_number: string
  agent_id: string | null
  agent_name: string | null
  campaign_id: string | null
  created_at: string
  disconnect_reason: string | null
  failure_reason: string | null
  cost_credits: number | null
  has_recording: number
  retry_count: number
  retry_attempt: number
  retry_call_id: string | null
  is_test: number
  version_id: string | null
  version_number: number | null
  summary: string | null
  avg_latency_ms: number | null
}

/** What summaryFromRow reads: the calls row (SELECT calls.*) and its extras. */
export type StoredCallRow = CallsRow & { extras_json: string }

const ms = (iso: string | null) => (iso ? Date.parse(iso) || null : null)

/** The values of one calls row, in COLUMNS order (positional binding is faster). */
export function summaryRow(call: CallSummary, listHash: string, now: number): unknown[] {
  return [
    call.id, call.dbId, call.status, call.type, call.durationS, call.from, call.to, call.agentId, call.agentName,
    call.campaignId, call.createdAt, ms(call.createdAt) ?? 0, ms(call.updatedAt), call.disconnectReason,
    call.failureReason, call.costCredits, call.recordingUrl || call.recordingDualUrl ? 1 : 0, call.retryCount,
    call.retryAttemptNumber, call.retryCallId, call.isTest ? 1 : 0, call.versionId, call.versionNumber, call.summary,
    call.latency?.avgMs ?? null, listHash, now,
  ]
}

export function extrasJson(call: CallSummary): string {
  const extras: CallExtras = {
    updatedAt: call.updatedAt,
    recordingUrl: call.recordingUrl,
    recordingDualUrl: call.recordingDualUrl,
    dispositions: call.dispositions,
    dispositionResults: call.dispositionResults,
    latency: call.latency,
  }
  return JSON.stringify(extras)
}

export function parseExtras(json: string): CallExtras {
  const e = JSON.parse(json) as Partial<CallExtras>
  return {
    updatedAt: e.updatedAt ?? null,
    recordingUrl: e.recordingUrl ?? null,
    recordingDualUrl: e.recordingDualUrl ?? null,
    dispositions: e.dispositions ?? {},
    dispositionResults: e.dispositionResults ?? [],
    latency: e.latency ?? null,
  }
}

type SharedColumns = 'id' | 'status' | 'type' | 'duration_s' | 'from_number' | 'to_number' | 'agent_id' | 'agent_name' | 'campaign_id' | 'created_at'
  | 'disconnect_reason' | 'cost_credits' | 'summary' | 'is_test'

/** The fields a call summary and a list row both take from the calls row. */
export function sharedFields(r: Pick<CallsRow, SharedColumns>) {
  return {
    id: r.id,
    status: r.status,
    type: r.type,
    durationS: r.duration_s,
    from: r.from_number,
    to: r.to_number,
    agentId: r.agent_id,
    agentName: r.agent_name,
    campaignId: r.campaign_id,
    createdAt: r.created_at,
    disconnectReason: r.disconnect_reason,
    costCredits: r.cost_credits,
    summary: r.summary,
    isTest: r.is_test === 1,
  }
}

export function summaryFromRow(r: StoredCallRow): CallSummary {
  return {
    ...sharedFields(r),
    dbId: r.db_id,
    failureReason: r.failure_reason,
    retryCount: r.retry_count,
    retryAttemptNumber: r.retry_attempt,
    retryCallId: r.retry_call_id,
    versionId: r.version_id,
    versionNumber: r.version_number,
    ...parseExtras(r.extras_json),
  }
}
