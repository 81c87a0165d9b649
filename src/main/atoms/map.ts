// Wire → domain. Each list or search item is parsed on its own: one that cannot be understood is
// reported as a PayloadIssue naming the call and the field, and the others still count.
import type { z } from 'zod'
import { AppError } from '@shared/errors'
import type { CallDetail, CallSummary, DispositionResult, LatencyStats, PayloadIssue, TranscriptTurn } from '@shared/domain'
import { callDetailWire, callItemWire, type CallDetailWire, type CallItemWire, type dispositionsWire } from './wire'

type Dispositions = z.infer<typeof dispositionsWire>

const text = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v))

function dispositionResults(d: Dispositions): DispositionResult[] {
  if (!d) return []
  if (Array.isArray(d)) return d.map((m) => ({ identifier: m.identifier, value: text(m.value), confidence: m.confidence, reasoning: m.reasoning }))
  return Object.entries(d).map(([identifier, value]) => ({ identifier, value: text(value), confidence: null, reasoning: null }))
}

function dispositionMap(d: Dispositions): Record<string, string> {
  return Object.fromEntries(dispositionResults(d).map((r) => [r.identifier, r.value]))
}

function latency(w: AnyCallWire): LatencyStats | null {
  const m = w.turnLatencyMetrics
  const legacy =
    w.average_transcriber_latency !== null || w.average_agent_latency !== null || w.average_synthesizer_latency !== null
      ? { transcriber: w.average_transcriber_latency, agent: w.average_agent_latency, synthesizer: w.average_synthesizer_latency }
      : null
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

/** The 13 digits of CALL-<epoch ms>-<hex> are the creation time (inferred; used only as a fallback). */
function createdFromId(callId: string): string {
  const ms = /^CALL-(\d{13})-/.exec(callId)?.[1]
  return ms ? new Date(Number(ms)).toISOString() : new Date(0).toISOString()
}

type AnyCallWire = CallItemWire & { agent?: { _id: string | null; name: string | null } | null }

function summaryOf(w: AnyCallWire): CallSummary {
  const results = dispositionResults(w.postCallAnalytics?.dispositionMetrics)
  const map = dispositionMap(w.dispositionMetrics)
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
    campaignId: w.campaignId,
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
    dispositions: Object.keys(map).length ? map : Object.fromEntries(results.map((r) => [r.identifier, r.value])),
    summary: w.postCallAnalytics?.summary ?? null,
    dispositionResults: results.length ? results : dispositionResults(Array.isArray(w.dispositionMetrics) ? w.dispositionMetrics : null),
    latency: latency(w),
  }
}

const PREFIX = /^\s*(agent|assistant|bot|user|customer|caller)\s*:\s*/i

function transcript(turns: CallDetailWire['transcript']): TranscriptTurn[] {
  return (turns ?? []).map((t, index) => {
    if (typeof t === 'string') {
      // The oldest shape: plain strings. A "Agent:"/"User:" prefix names the speaker; else unknown.
      const m = PREFIX.exec(t)
      const who = m?.[1]?.toLowerCase()
      const role = who === undefined ? 'unknown' : ['agent', 'assistant', 'bot'].includes(who) ? 'agent' : 'user'
      return { index, role, text: m ? t.slice(m[0].length) : t, at: null, offsetMs: null }
    }
    const ts = t.timestamp
    return {
      index,
      role: t.role ?? 'unknown',
      text: t.content ?? t.text ?? '',
      at: typeof ts === 'string' && !Number.isNaN(Date.parse(ts)) ? ts : null,
      offsetMs: typeof ts === 'number' ? ts : null,
    }
  })
}

function issueFrom(raw: unknown, error: z.ZodError): PayloadIssue {
  const first = error.issues[0]
  const callId = raw && typeof raw === 'object' && typeof (raw as { callId?: unknown }).callId === 'string' ? (raw as { callId: string }).callId : null
  return { callId, field: first?.path.map(String).join('.') || '(item)', message: first?.message ?? 'invalid' }
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

export function parseDetail(callId: string, data: unknown): CallDetail {
  // createdAt is documented on list items only; a detail without it falls back to the id's time.
  const withCreated = data && typeof data === 'object' && !('createdAt' in data) ? { ...data, createdAt: createdFromId(callId) } : data
  const parsed = callDetailWire.safeParse(withCreated)
  if (!parsed.success) {
    const issue = issueFrom(data, parsed.error)
    throw new AppError('INVALID_INPUT', `The Atoms API sent call ${callId} in a shape Earmark cannot read: ${issue.field} ${issue.message}.`)
  }
  const w = parsed.data
  return {
    ...summaryOf(w),
    transcript: transcript(w.transcript),
    events: w.events ?? [],
    variables: w.variables ?? {},
    agent: w.agent ? { id: w.agent._id, name: w.agent.name, raw: w.agent } : null,
    voice: w.voiceConfigUsed ? { model: w.voiceConfigUsed.model, voiceId: w.voiceConfigUsed.voiceId, gender: w.voiceConfigUsed.gender } : null,
    slmModel: w.slmModelUsed,
  }
}
