// The detail of one call (E3, atoms-api.md §6): the list fields plus the transcript, the raw
// events in the SSE vocabulary (§9), the resolved variables, a subset of the agent document, and
// the voice and model used. A call still in progress has the turns spoken so far; a call that
// never connected has an empty transcript.
import { orgObjectId, versionAt } from './agents'
import type { Dataset, EmuCall } from './dataset'
import { legacyTranscript, type SpokenTurn } from './legacy'
import { stateAt, type CallState } from './lifecycle'
import { callItem, iso, recordingPath, type PayloadContext } from './payloads'
import { hash01 } from './random'
import { turnText, type Timeline, type Turn } from './timeline'

const clocks = new Map<string, Intl.DateTimeFormat>()

/** current_time and current_day of the call in the agent's time zone, as the platform resolves them. */
function localClock(ms: number, timeZone: string): { time: string; day: string } {
  let fmt = clocks.get(timeZone)
  if (!fmt) clocks.set(timeZone, (fmt = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'long' })))
  const parts = Object.fromEntries(fmt.formatToParts(ms).map((p) => [p.type, p.value]))
  return { time: `${parts.hour}:${parts.minute}`, day: parts.weekday ?? '' }
}

function variables(c: EmuCall, tl: Timeline): Record<string, unknown> {
  const inbound = c.type === 'telephony_inbound'
  const clock = localClock(c.createdMs, c.agent.timezone)
  return {
    call_id: c.callId,
    user_number: inbound ? c.from : c.to,
    agent_number: inbound ? c.to : c.from,
    conversation_type: c.type === 'webcall' ? 'webCall' : inbound ? 'telephonyInbound' : 'telephonyOutbound',
    agent_gender: c.agent.voice.gender,
    default_language: 'en',
    supported_languages: 'en,hi',
    current_date: new Intl.DateTimeFormat('en-CA', { timeZone: c.agent.timezone }).format(c.createdMs),
    current_time: clock.time,
    current_day: clock.day,
    timezone: c.agent.timezone,
    ...(tl.name ? { customer_name: tl.name } : {}),
  }
}

type Spoken = SpokenTurn & { turn: Turn }

/** Where the transcript's and events' clock puts sample 0 of the recording (see recordingLagS). */
export const stampZeroMs = (data: Dataset, c: EmuCall) => c.startMs - (data.opts.recordingLagS ?? 0) * 1000

function events(ctx: PayloadContext, c: EmuCall, tl: Timeline, state: CallState, spoken: Spoken[]): Record<string, unknown>[] {
  const zero = stampZeroMs(ctx.data, c)
  const out: { at: number; body: Record<string, unknown> }[] = []
  // Only what has happened by now: a call in progress has the events so far.
  const add = (at: number, type: string, extra: Record<string, unknown> = {}) => {
    if (at <= ctx.now) out.push({ at, body: { event_type: type, timestamp: iso(at), call_id: c.callId, ...extra } })
  }
  if (c.connected) add(zero, 'call_start', c.type === 'webcall' ? {} : { telephony_id: `tel_${c.dbId.slice(-8)}` })
  spoken.forEach((t, k) => {
    if (t.role === 'user') add(t.atMs, 'user_transcription', { user_transcription_text: t.content })
    else add(zero + t.turn.endS * 1000, 'tts_completed', { tts_text: t.content, tts_latency: 150 + Math.round(hash01(c.key, k) * 250) })
  })
  for (const l of tl.latencies) {
    // Per-stage latencies (§6.2) that add up to the turn's total.
    const shares = [0.16, 0.04, 0.06, 0.42, 0.05, 0.22, 0.05].map((s, k) => s * (0.8 + hash01(c.key * 31 + l.turn, k) * 0.4))
    const sum = shares.reduce((a, b) => a + b, 0)
    const stages = shares.map((s) => Math.floor((s / sum) * l.ms))
    stages[3]! += l.ms - stages.reduce((a, b) => a + b, 0)
    const [stt_api_ms, stt_to_llm_ms, smart_turn_ms, llm_api_ms, llm_to_tts_ms, tts_api_ms, tts_to_audio_ms] = stages
    add(zero + l.botStartS * 1000, 'turn_latency', { turn_index: l.turn, total_turn_ms: l.ms, stt_api_ms, stt_to_llm_ms, smart_turn_ms, llm_api_ms, llm_to_tts_ms, tts_api_ms, tts_to_audio_ms, interrupted: false, smart_turn_enabled: true })
  }
  if (c.finalStatus === 'cancelled') add(c.endMs, 'call_cancelled', { reason: 'Cancelled before the call was placed' })
  add(c.endMs - (c.startMs - zero), 'call_end', { metadata: { reason: c.reason ?? c.finalStatus } })
  if (state.recordingReady) add(c.recordingMs, 'call_recording', { recording_url: ctx.origin + recordingPath(c.callId, 'composite'), status: 'available' })
  out.sort((a, b) => a.at - b.at)
  return out.map((e, k) => ({ event_id: `evt_${String(k + 1).padStart(2, '0')}`, ...e.body }))
}

function agentSubset(ctx: PayloadContext, c: EmuCall): Record<string, unknown> {
  const a = c.agent
  const live = versionAt(a, ctx.now)
  return {
    _id: a.id,
    name: a.name,
    description: a.purpose.description,
    organization: orgObjectId(a.org),
    workflowType: 'single_prompt',
    slmModel: 'electron',
    synthesizer: { voiceConfig: { model: a.voice.model, voiceId: a.voice.voiceId, gender: a.voice.gender }, speed: 1 },
    language: { default: 'en', supported: ['en', 'hi'] },
    activeVersionId: live.id,
    createdAt: iso(a.createdMs),
    updatedAt: iso(live.fromMs),
  }
}

export function detail(ctx: PayloadContext, c: EmuCall): Record<string, unknown> {
  const state = stateAt(c, ctx.now)
  const tl = ctx.data.timelineOf(c)
  const zero = stampZeroMs(ctx.data, c)
  const spoken: Spoken[] = tl.turns
    .map((turn) => ({ turn, role: turn.role, content: turnText(turn, tl.name), atMs: zero + turn.stampS * 1000 }))
    .filter((t) => t.atMs <= ctx.now)
  const transcript = (ctx.legacy && legacyTranscript(spoken, c)) || spoken.map((t) => ({ role: t.role, content: t.content, timestamp: iso(t.atMs) }))
  const { voice } = c.agent
  return {
    ...callItem(ctx, c, 'detail', state),
    agent: agentSubset(ctx, c),
    transcript,
    variables: variables(c, tl),
    events: events(ctx, c, tl, state, spoken),
    voiceConfigUsed: { model: voice.model, voiceId: voice.voiceId, gender: voice.gender },
    slmModelUsed: 'electron',
  }
}
