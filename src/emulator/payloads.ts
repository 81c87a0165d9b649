// The JSON the emulator sends for a call, in the documented wire shapes (atoms-api.md §4–§7), or
// in the older shapes when legacy mode is on: transcript as string[] or with numeric timestamps,
// average_*_latency instead of turnLatencyMetrics, "chat" for webcall, no totalPages, disposition
// metrics as an array in the list or as a map in the analytics.
import { stateAt, type Dataset, type EmuCall } from './dataset'
import { rngFor, pick } from './random'

export interface PayloadContext {
  data: Dataset
  now: number
  legacy: boolean
  /** Where recordings are served, e.g. http://127.0.0.1:4010/recordings */
  recordingsBase: string
}

const iso = (ms: number) => new Date(ms).toISOString()

function dispositions(ctx: PayloadContext, c: EmuCall, name: string) {
  const r = rngFor(ctx.data.opts.seed, c.i, 2)
  return c.agent.purpose.metrics.map((m) => {
    const value = m.values.length ? pick(r, m.values) : name
    return { identifier: m.identifier, value, confidence: Math.round((0.6 + r() * 0.4) * 100) / 100, reasoning: `The ${m.identifier.replaceAll('_', ' ')} was stated during the call.` }
  })
}

function summaryText(ctx: PayloadContext, c: EmuCall): string {
  return pick(rngFor(ctx.data.opts.seed, c.i, 3), c.agent.purpose.summary)
}

function latencyMetrics(ctx: PayloadContext, c: EmuCall) {
  const tl = ctx.data.timelineOf(c)
  const ms = tl.latencies.map((l) => l.ms)
  if (!ms.length) return { turns: 0, latencies: [], transitions: [], processedAt: iso(c.endMs + 15_000) }
  const sorted = [...ms].sort((a, b) => a - b)
  const mid = sorted.length / 2
  return {
    turns: ms.length,
    avgLatency: c.avgLatencyMs,
    medianLatency: sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1]! + sorted[mid]!) / 2,
    minLatency: sorted[0],
    maxLatency: sorted[sorted.length - 1],
    latencies: ms,
    transitions: tl.latencies.map((l) => ({ turn: l.turn, user_end: Math.round(c.startMs + l.userEndS * 1000), bot_start: Math.round(c.startMs + l.botStartS * 1000), latency: l.ms })),
    processedAt: iso(c.endMs + 15_000),
  }
}

/** The status as sent: the current API no longer has "busy", which it reports as no_answer. */
export function wireStatus(c: EmuCall, now: number, legacy: boolean): string {
  const status = stateAt(c, now).status
  return !legacy && status === 'busy' ? 'no_answer' : status
}

export function listItem(ctx: PayloadContext, c: EmuCall, shape: 'list' | 'search' = 'list'): Record<string, unknown> {
  const s = stateAt(c, ctx.now)
  const name = ctx.data.timelineOf(c).name
  const metrics = s.analyticsReady ? dispositions(ctx, c, name) : []
  const recording = s.recordingReady ? `${ctx.recordingsBase}/${c.callId}/composite.wav` : ''
  const item: Record<string, unknown> = {
    _id: c.dbId,
    callId: c.callId,
    status: wireStatus(c, ctx.now, ctx.legacy),
    duration: s.phase === 'finished' ? c.durationS : 0,
    from: c.from,
    to: c.to,
    type: ctx.legacy && c.type === 'webcall' ? 'chat' : c.type,
    agentId: c.agent.id,
    campaignId: c.campaignId,
    recordingUrl: recording,
    recordingDualUrl: s.recordingReady ? `${ctx.recordingsBase}/${c.callId}/dual.wav` : '',
    disconnectionReason: s.phase === 'finished' ? c.reason : undefined,
    retryCount: c.retryCount,
    retryAttemptNumber: c.retryAttempt,
    ...(c.retryCallId ? { retryCallId: c.retryCallId } : {}),
    createdAt: iso(c.createdMs),
    updatedAt: iso(s.updatedMs),
    callFailureReason: s.phase === 'finished' ? c.failureReason ?? undefined : undefined,
    callCost: s.phase === 'finished' ? c.cost : 0,
    versionId: c.agent.id.slice(0, 16) + c.versionNumber.toString(16).padStart(8, '0'),
    isTest: c.isTest,
    // Fields a tolerant client must ignore.
    agentName: c.agent.purpose.agentName,
    telephonyProvider: c.type === 'webcall' ? null : 'plivo',
  }
  if (shape === 'list') {
    const map = Object.fromEntries(metrics.map((m) => [m.identifier, m.value]))
    item.dispositionMetrics = ctx.legacy && c.i % 2 ? metrics.map(({ identifier, value }) => ({ identifier, value })) : map
    item.agentDispositionConfig = c.agent.purpose.metrics.map((m) => ({ identifier: m.identifier, type: m.type }))
    item.versionNumber = c.versionNumber
  }
  if (s.analyticsReady) {
    item.postCallAnalytics = {
      summary: summaryText(ctx, c),
      dispositionMetrics: ctx.legacy && c.i % 3 === 0 ? Object.fromEntries(metrics.map((m) => [m.identifier, m.value])) : metrics,
    }
    if (ctx.legacy) {
      const avg = (c.avgLatencyMs ?? 0) / 1000
      Object.assign(item, { average_transcriber_latency: 0.2, average_agent_latency: Math.round(avg * 600) / 1000, average_synthesizer_latency: 0.3 })
    } else {
      item.turnLatencyMetrics = latencyMetrics(ctx, c)
    }
  }
  return item
}

export function detail(ctx: PayloadContext, c: EmuCall): Record<string, unknown> {
  const s = stateAt(c, ctx.now)
  const tl = ctx.data.timelineOf(c)
  const spoken = s.phase === 'in_queue' ? [] : tl.turns.filter((t) => c.startMs + t.endS * 1000 <= ctx.now)
  const transcript = spoken.map((t) => {
    if (ctx.legacy && c.i % 3 === 1) return `${t.role === 'agent' ? 'Agent' : 'User'}: ${t.text}`
    if (ctx.legacy && c.i % 3 === 2) return { role: t.role, content: t.text, timestamp: Math.round(t.stampS * 1000) }
    return { role: t.role, content: t.text, timestamp: iso(c.startMs + t.stampS * 1000) }
  })
  const { dispositionMetrics: _m, agentDispositionConfig: _c, versionNumber: _v, ...base } = listItem(ctx, c, 'list')
  const event = (n: number, type: string, atMs: number, extra: Record<string, unknown> = {}) => ({ event_type: type, event_id: `evt_${String(n).padStart(3, '0')}`, timestamp: iso(atMs), call_id: c.callId, ...extra })
  const events = [
    event(0, 'call_start', c.startMs, { telephony_id: `tel_${c.dbId.slice(0, 6)}` }),
    ...spoken.map((t, k) =>
      t.role === 'user'
        ? event(k + 1, 'user_transcription', c.startMs + t.stampS * 1000, { user_transcription_text: t.text })
        : event(k + 1, 'tts_completed', c.startMs + t.endS * 1000, { tts_text: t.text, tts_latency: 180 + (k % 5) * 20 }),
    ),
    ...(s.phase === 'finished' ? [event(900, 'call_end', c.endMs, { metadata: { reason: c.reason } })] : []),
  ]
  return {
    ...base,
    agent: { _id: c.agent.id, name: c.agent.purpose.agentName, description: c.agent.purpose.description, workflowType: 'single_prompt', slmModel: 'electron', organization: c.org === 'A' ? '6770aa11bb22cc33dd44ee55' : '6770aa11bb22cc33dd44ee66' },
    transcript,
    variables: {
      call_id: c.callId,
      user_number: c.type === 'telephony_inbound' ? c.from : c.to,
      agent_number: c.type === 'telephony_inbound' ? c.to : c.from,
      conversation_type: c.type === 'telephony_inbound' ? 'telephonyInbound' : 'telephonyOutbound',
      agent_gender: 'female',
      default_language: 'en',
      supported_languages: 'en,hi',
      current_date: iso(c.createdMs).slice(0, 10),
      timezone: 'America/Los_Angeles',
      customer_name: tl.name,
    },
    events,
    voiceConfigUsed: { model: 'waves_lightning_v3_1', voiceId: 'nyah', gender: 'female' },
    slmModelUsed: 'electron',
  }
}
