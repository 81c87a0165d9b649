// The emulator's calls, generated once from a seed as compact records: only what filtering,
// sorting and paging need (100k calls in under a second). Transcripts, analytics and audio
// are rebuilt on demand from the same seed (see timelineOf). Times are emulator milliseconds;
// every call's future (when it is answered, ends, gets its recording and analytics, is retried)
// is fixed at generation, and lifecycle.ts reads its state at any instant.
import { HISTORY_MS, makeAgents, objectIdAt, phoneNumber, versionAt, type Agent, type AgentVersion, type Org } from './agents'
import { hex, pick, rngFor, weighted, type Rng } from './random'
import { timeline, type Timeline } from './timeline'

export type FinalStatus = 'completed' | 'no_answer' | 'busy' | 'failed' | 'cancelled'

export interface EmuCall {
  /** Which generator rebuilds this call's details: rngFor(seed, key, salt). */
  key: number
  /** The salt of its dialogue's generator (1 unless a length was required). */
  timelineSalt: number
  org: Org
  callId: string
  dbId: string
  agent: Agent
  campaignId: string | null
  type: 'telephony_outbound' | 'telephony_inbound' | 'webcall'
  finalStatus: FinalStatus
  reason: string | null
  failureReason: string | null
  createdMs: number
  /** Leaves the queue (dialling or ringing). */
  dialMs: number
  /** Answered; the recording's sample 0 (connected calls). */
  startMs: number
  endMs: number
  /** When the recording and the analytics become available; Infinity when never. */
  recordingMs: number
  analyticsMs: number
  durationS: number
  avgLatencyMs: number | null
  connected: boolean
  from: string
  to: string
  cost: number
  retryAttempt: number
  /** The next attempt of this call, if it was retried; the family's root and all its retries. */
  next: EmuCall | null
  root: EmuCall | null
  retries: EmuCall[]
  isTest: boolean
  version: AgentVersion
  agentChannel: 0 | 1
  /** The last instant at which anything about this call changes. */
  settledMs: number
}

export interface DatasetOptions {
  calls: number
  seed: number
  /** Emulator time at start: the newest calls are just before it. */
  now: number
  agentChannel: 0 | 1 | 'mixed'
  /** New calls arrive every this many emulator seconds after start (off when undefined). */
  arrivalEveryS?: number
  /** The recording starts this long after the clock of the transcript and events (see EmulatorOptions). */
  recordingLagS?: number
}

/**
 * Ages (s) of the newest root calls of each org. The newest two always connect: at start one is
 * waiting in the queue (for 15-30 s) and the other is mid-conversation (for 20 s or more). The
 * third is an unanswered outbound call whose retry arrives 10-30 minutes later. So every emulator
 * has a lifecycle and a retry to watch, and nothing changes in its first ~15 s (a client's first
 * pages see a still listing). The other recent calls are pushed back until they are settled at
 * start (ended, with recording and analytics).
 */
const RECENT_AGES_S = [0.5, 20, 45, 75, 110, 150]
const KEY_BASE: Record<Org, number> = { A: 0, B: 10_000_000 }
const ARRIVAL_KEY_BASE = 20_000_000
const ARRIVAL_HORIZON_MS = 86_400_000
const OUTBOUND_OUTCOMES: [FinalStatus, number][] = [['completed', 64], ['no_answer', 19], ['busy', 5], ['failed', 7], ['cancelled', 5]]
const OTHER_OUTCOMES: [FinalStatus, number][] = [['completed', 89], ['failed', 6], ['cancelled', 5]]
const HANGUPS: [string, number][] = [['user_hangup', 48], ['agent_hangup', 40], ['timeout', 4]]
const HANGUPS_INBOUND: [string, number][] = [...HANGUPS, ['transfer_complete', 8]]
const FAILURES: [string, number][] = [['connection_error', 45], ['system_error', 35], ['timeout', 20]]
const agentShares = (agents: Agent[]) => agents.map((a) => [a, a.weight] as const)

/** An outcome fixed in advance (the newest calls), instead of drawn. */
interface Forced {
  status: FinalStatus
  type?: EmuCall['type']
  retried?: boolean
  /** Redraw the dialogue until it lasts at least this long. */
  minDurationS?: number
  /** Time waiting in the queue before dialling (ms). */
  queueMs?: number
}

export class Dataset {
  readonly calls: EmuCall[] = []
  readonly byId = new Map<string, EmuCall>()
  readonly agents: Agent[]
  /** Calls that still change after start (or arrive later): the only ones that can reorder a listing. */
  readonly changing: EmuCall[]

  constructor(readonly opts: DatasetOptions) {
    this.agents = makeAgents(opts.seed, opts.now)
    this.generateOrg('A', opts.calls)
    this.generateOrg('B', Math.max(20, Math.floor(opts.calls / 20)))
    if (opts.arrivalEveryS) this.generateArrivals(opts.arrivalEveryS * 1000)
    this.changing = this.calls.filter((c) => c.settledMs > opts.now)
  }

  private generateOrg(org: Org, count: number): void {
    const agents = agentShares(this.agents.filter((a) => a.org === org))
    const outbound = agentShares(this.agents.filter((a) => a.org === org && a.purpose.direction === 'outbound'))
    const t0 = this.opts.now
    let produced = 0
    for (let slot = 0; produced < count; slot++) {
      const left = count - produced
      const recent = left <= RECENT_AGES_S.length
      const r = rngFor(this.opts.seed, KEY_BASE[org] + slot)
      // Older calls spread evenly over the history, with jitter so no two are equally spaced.
      const age = recent ? RECENT_AGES_S[left - 1]! * 1000 : (HISTORY_MS * (left - r() * 0.9)) / count
      const forced: Forced | null =
        left === 1 ? { status: 'completed', queueMs: 15_000 + Math.floor(r() * 15_000) }
        : left === 2 ? { status: 'completed', minDurationS: 40 }
        : left === 3 ? { status: 'no_answer', type: 'telephony_outbound', retried: true }
        : null
      const createdAt = left > 3 && recent ? (durationS: number) => t0 - Math.max(age, durationS * 1000 + 60_000) : () => t0 - age
      let call = this.make(r, KEY_BASE[org] + slot, weighted(r, forced?.type ? outbound : agents), createdAt, null, forced)
      this.add(call)
      produced++
      // Unanswered outbound calls are retried up to twice, 10-30 minutes after the last attempt.
      while (call.type === 'telephony_outbound' && !call.connected && call.retryAttempt < 2 && ((forced?.retried && call.retryAttempt === 0) || r() < 0.4)) {
        const key = KEY_BASE[org] + 5_000_000 + slot * 2 + call.retryAttempt
        const after = call.endMs + 600_000 + r() * 1_200_000
        const retry = this.make(rngFor(this.opts.seed, key), key, call.agent, () => after, call, null)
        const past = retry.createdMs <= t0
        if (past && count - produced <= RECENT_AGES_S.length) break
        this.add(retry)
        if (past) produced++
        call = retry
      }
    }
  }

  /** Root calls created after start, at random intervals averaging `everyMs`, for a day. */
  private generateArrivals(everyMs: number): void {
    const agents = agentShares(this.agents.filter((a) => a.org === 'A'))
    let at = this.opts.now
    for (let k = 0; k < 5000; k++) {
      const r = rngFor(this.opts.seed, ARRIVAL_KEY_BASE + k)
      at += everyMs * (0.5 + r())
      if (at > this.opts.now + ARRIVAL_HORIZON_MS) return
      const createdAt = at
      this.add(this.make(r, ARRIVAL_KEY_BASE + k, weighted(r, agents), () => createdAt, null, null))
    }
  }

  private add(c: EmuCall): void {
    if (c.root) {
      const prev = c.root.retries.at(-1) ?? c.root
      prev.next = c
      c.root.retries.push(c)
      // A new attempt updates its predecessors' retry fields, so they change when it appears.
      for (let p: EmuCall | null = c.root; p; p = p.next) p.settledMs = Math.max(p.settledMs, c.createdMs)
    }
    this.calls.push(c)
    this.byId.set(c.callId, c)
  }

  /** One call; `createdAt` may depend on the call's length (the call that must be in progress at start). */
  private make(r: Rng, key: number, agent: Agent, createdAt: (durationS: number) => number, prev: EmuCall | null, forced: Forced | null): EmuCall {
    const inbound = agent.purpose.direction === 'inbound'
    const type = prev?.type ?? forced?.type ?? (r() < (inbound ? 0.15 : 0.08) ? 'webcall' : inbound ? 'telephony_inbound' : 'telephony_outbound')
    const finalStatus = forced?.status ?? weighted(r, type === 'telephony_outbound' ? OUTBOUND_OUTCOMES : OTHER_OUTCOMES)
    const connected = finalStatus === 'completed'
    // Not through the cache: generation would only churn it.
    let timelineSalt = 1
    let tl = connected ? timeline(rngFor(this.opts.seed, key, timelineSalt), agent.purpose) : null
    while (tl && tl.durationS < (forced?.minDurationS ?? 0) && timelineSalt < 100_000) tl = timeline(rngFor(this.opts.seed, key, (timelineSalt += 1000)), agent.purpose)
    const durationS = tl?.durationS ?? 0
    const createdMs = Math.floor(createdAt(durationS))
    const dialMs = createdMs + (forced?.queueMs ?? 300 + Math.floor(r() * 700))
    // Answered (and recorded from) 1-8 s after creation, unless it waited in the queue.
    const startMs = dialMs + 700 + Math.floor(r() * 6300)
    const endMs = connected
      ? startMs + Math.round(durationS * 1000)
      : createdMs + Math.floor(finalStatus === 'no_answer' ? 20_000 + r() * 25_000 : finalStatus === 'busy' ? 2000 + r() * 4000 : finalStatus === 'failed' ? 1500 + r() * 10_000 : 3000 + r() * 57_000)
    const recordingMs = connected ? endMs + 2500 + Math.floor(r() * 5500) : Infinity
    const analyticsMs = connected ? recordingMs + 6000 + Math.floor(r() * 24_000) : Infinity
    const reason = connected
      ? weighted(r, inbound ? HANGUPS_INBOUND : HANGUPS)
      : finalStatus === 'no_answer' || finalStatus === 'busy' ? 'dial_no_answer' : finalStatus === 'failed' ? weighted(r, FAILURES) : null
    const failureReason = finalStatus !== 'failed' ? null : reason === 'connection_error' ? pick(r, ['SIP 503 Service Unavailable from carrier', 'Invalid destination number']) : reason === 'timeout' ? 'Media timeout: no audio received' : 'LLM request failed'
    const customer = type === 'webcall' ? '' : (prev ? (inbound ? prev.from : prev.to) : phoneNumber(r))
    const line = type === 'webcall' ? '' : agent.phone
    let callId = `CALL-${createdMs}-${hex(r, 6)}`
    while (this.byId.has(callId)) callId = `CALL-${createdMs}-${hex(r, 6)}`
    return {
      key,
      timelineSalt,
      org: agent.org,
      callId,
      dbId: objectIdAt(r, createdMs),
      agent,
      campaignId: prev ? prev.campaignId : type === 'telephony_outbound' && r() < 0.8 ? pick(r, agent.campaigns) : null,
      type,
      finalStatus,
      reason,
      failureReason,
      createdMs,
      dialMs: finalStatus === 'cancelled' ? endMs : dialMs,
      startMs,
      endMs,
      recordingMs,
      analyticsMs,
      durationS,
      avgLatencyMs: tl?.avgLatencyMs ?? null,
      connected,
      from: inbound ? customer : line,
      to: inbound ? line : customer,
      cost: connected ? Math.round((0.1 + (durationS / 60) * (type === 'webcall' ? 0.6 : 1) + r() * 0.05) * 100) / 100 : 0,
      retryAttempt: prev ? prev.retryAttempt + 1 : 0,
      next: null,
      root: prev ? (prev.root ?? prev) : null,
      retries: [],
      isTest: r() < (type === 'webcall' ? 0.25 : 0.01),
      version: versionAt(agent, createdMs),
      agentChannel: this.opts.agentChannel === 'mixed' ? (r() < 0.5 ? 0 : 1) : this.opts.agentChannel,
      settledMs: connected ? analyticsMs : endMs,
    }
  }

  private readonly timelines = new Map<number, Timeline>()

  /** A connected call's dialogue and timing, rebuilt from the seed; the last few are kept (audio asks per chunk). */
  timelineOf(c: Pick<EmuCall, 'key' | 'timelineSalt' | 'agent' | 'connected'>): Timeline {
    let tl = this.timelines.get(c.key)
    if (!tl) {
      tl = c.connected ? timeline(rngFor(this.opts.seed, c.key, c.timelineSalt), c.agent.purpose) : { name: '', turns: [], durationS: 0, latencies: [], avgLatencyMs: null }
      if (this.timelines.size >= 256) this.timelines.delete(this.timelines.keys().next().value!)
      this.timelines.set(c.key, tl)
    }
    return tl
  }
}
