// Wire → domain. Each list or search item is parsed on its own: one that cannot be understood is
// skipped and reported as a PayloadIssue naming the call and the field, and the others still
// count. A detail that cannot be understood is an INVALID_INPUT error naming the call and field.
// Old shapes are folded into the one domain model here (see the notes on each function).
import type { z } from 'zod'
import { AppError } from '@shared/errors'
import type { CallDetail, CallSummary, DispositionResult, LatencyStats, PayloadIssue, TranscriptTurn } from '@shared/domain'
import { callDetailWire, callItemWire, type CallDetailWire, type CallItemWire, type DispositionsWire, type TurnWire } from './wire'

const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v))

/** Both places that carry dispositions may hold a map {id: value} or an array of results. */
function dispositionResults(d: DispositionsWire): DispositionResult[] {
  if (!d) return []
  if (Array.isArray(d)) return d.map((m) => ({ identifier: m.identifier, value: text(m.value), confidence: m.confidence, reasoning: m.reasoning }))
  return Object.entries(d).map(([identifier, value]) => ({ identifier, value: text(value), confidence: null, reasoning: null }))
}

function latency(w: CallItemWire): LatencyStats | null {
  const m = w.turnLatencyMetrics
  const old = [w.average_transcriber_latency, w.average_agent_latency, w.average_synthesizer_latency]
  // The deprecated averages are kept as sent: their unit is disputed (ms per SEED, s per AIEX).
  const legacy = old.some((v) => v !== null) ? { transcriber: old[0] ?? null, agent: old[1] ?? null, synthesizer: old[2] ?? null } : null
  if (!m && !legacy) return null
  return {
    turns: m?.turns ?? null,
    avgMs: m?.avgLatency ?? null,
    medianMs: m?.medianLatency ?? null,
    minMs: m?.minLatency ?? null,
    maxMs: m?.maxLatency ?? null,
    perTurnMs: m?.latencies ?? [],
    transitions: (m?.transitions ?? []).map((t) => ({ turn: t.turn, userEndMs: t.user_end, botStartMs: t.bot_start, latencyMs: t.latency })),
    processedAt: m?.processedAt ?? null,
    legacy,
  }
}

type AnyCallWire = CallItemWire & { agent?: { _id: string | null; name: string | null } | null }

function summaryOf(w: AnyCallWire): CallSummary {
  // Analytics results (with confidence) come from postCallAnalytics; the flat map from the list item.
  const analytics = dispositionResults(w.postCallAnalytics?.dispositionMetrics)
  const item = dispositionResults(w.dispositionMetrics)
  const results = analytics.length ? analytics : item
  const flat = item.length ? item : analytics
  return {
    id: w.callId,
    dbId: w._id,
    status: w.status,
    type: w.type ?? 'unknown',
    durationS: w.duration ?? 0,
    from: w.from ?? '',
    to: w.to ?? '',
    agentId: w.agentId ?? w.agent?._id ?? null,
    agentName: w.agentName ?? w.agent?.name ?? null,
    campaignId: w.campaignId ?? null,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt ?? null,
    disconnectReason: w.disconnectionReason,
    failureReason: w.callFailureReason,
    costCredits: w.callCost,
    recordingUrl: w.recordingUrl,
    recordingDualUrl: w.recordingDualUrl,
    retryCount: w.retryCount ?? 0,
    retryAttemptNumber: w.retryAttemptNumber ?? 0,
    retryCallId: w.retryCallId,
    isTest: w.isTest ?? false,
    versionId: w.versionId,
    versionNumber: w.versionNumber,
    dispositions: Object.fromEntries(flat.map((r) => [r.identifier, r.value])),
    summary: w.postCallAnalytics?.summary ?? null,
    dispositionResults: results,
    latency: latency(w),
  }
}

const SPEAKER = /^\s*(agent|assistant|bot|user|customer|caller)\s*:\s*/i
const AGENT_WORDS = ['agent', 'assistant', 'bot']

/**
 * The oldest shape is plain strings. Speakers are NOT guessed by alternation (a missed or doubled
 * turn would flip every role after it): a leading "Agent:"/"User:" (or assistant/bot,
 * customer/caller) names the speaker and is cut off; anything else has role 'unknown'.
 * A numeric timestamp is the older "ms from call start" (offsetMs); a string one is wall-clock.
 */
function transcriptTurn(t: TurnWire, index: number): TranscriptTurn {
  if (typeof t === 'string') {
    const m = SPEAKER.exec(t)
    const who = m?.[1]?.toLowerCase()
    const role = who === undefined ? 'unknown' : AGENT_WORDS.includes(who) ? 'agent' : 'user'
    return { index, role, text: m ? t.slice(m[0].length) : t, at: null, offsetMs: null }
  }
  const ts = t.timestamp
  const offset = typeof ts === 'number' ? ts : typeof ts === 'string' && /^\d+(\.\d+)?$/.test(ts.trim()) ? Number(ts) : null
  return {
    index,
    role: t.role ?? 'unknown',
    text: t.content ?? t.text ?? '',
    at: offset === null && typeof ts === 'string' && !Number.isNaN(Date.parse(ts)) ? ts : null,
    offsetMs: offset,
  }
}

const callIdOf = (raw: unknown): string | null => {
  const id = raw && typeof raw === 'object' ? (raw as { callId?: unknown }).callId : undefined
  return typeof id === 'string' && id !== '' ? id : null
}

function issueFrom(raw: unknown, error: z.ZodError): PayloadIssue {
  const first = error.issues[0]
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { callId: null, field: '(item)', message: 'is not an object' }
  return { callId: callIdOf(raw), field: first?.path.map(String).join('.') || '(item)', message: first?.message ?? 'invalid' }
}

export interface ParsedItems {
  calls: CallSummary[]
  raw: Record<string, unknown>[]
  issues: PayloadIssue[]
}

export function parseItems(items: unknown[]): ParsedItems {
  const out: ParsedItems = { calls: [], raw: [], issues: [] }
  for (const item of items) {
    const parsed = callItemWire.safeParse(item)
    if (parsed.success) {
      out.calls.push(summaryOf(parsed.data))
      out.raw.push(item as Record<string, unknown>)
    } else {
      out.issues.push(issueFrom(item, parsed.error))
    }
  }
  return out
}

/** The 13 digits of CALL-<epoch ms>-<hex> are the creation time (inferred, atoms-api.md §1.3). */
function createdFromId(callId: string): string | null {
  const ms = /^CALL-(\d{13})-/.exec(callId)?.[1]
  return ms ? new Date(Number(ms)).toISOString() : null
}

export function parseDetail(callId: string, data: unknown): CallDetail {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new AppError('INVALID_INPUT', `The Atoms API sent call ${callId} as something other than an object.`)
  }
  // createdAt is documented on list items only (I on the detail): a detail without a readable one
  // takes the time in its id, else the epoch. The list's createdAt is the one to keep when merging.
  const d = data as Record<string, unknown>
  const readable = (typeof d.createdAt === 'string' || typeof d.createdAt === 'number') && !Number.isNaN(new Date(d.createdAt).getTime())
  const created = readable ? d.createdAt : (createdFromId(typeof d.callId === 'string' ? d.callId : callId) ?? new Date(0).toISOString())
  const parsed = callDetailWire.safeParse({ callId, ...d, createdAt: created })
  if (!parsed.success) {
    const issue = issueFrom(data, parsed.error)
    throw new AppError('INVALID_INPUT', `The Atoms API sent call ${callId} in a shape Earmark cannot read: "${issue.field}" ${issue.message}.`)
  }
  const w: CallDetailWire = parsed.data
  return {
    ...summaryOf(w),
    transcript: (w.transcript ?? []).map(transcriptTurn),
    events: w.events ?? [],
    variables: w.variables ?? {},
    agent: w.agent ? { id: w.agent._id, name: w.agent.name, raw: w.agent } : null,
    voice: w.voiceConfigUsed ? { model: w.voiceConfigUsed.model, voiceId: w.voiceConfigUsed.voiceId, gender: w.voiceConfigUsed.gender } : null,
    slmModel: w.slmModelUsed,
  }
}
