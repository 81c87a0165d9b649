// The emulator's calls: generated once from a seed (compact records, fast enough for 100k calls
// at start), with everything bulky (transcripts, events, recordings) rebuilt on demand from the
// same seed. Times are in emulator milliseconds; the status of a call follows a lifecycle: queued
// → in progress → finished, then its recording appears, then its analytics.
import { hex, pick, rngFor, weighted, type Rng } from './random'
import { PURPOSES, type Purpose } from './scripts'
import { timeline, type Timeline } from './timeline'

export type Org = 'A' | 'B'

export interface Agent {
  id: string
  org: Org
  purpose: Purpose
}

export interface EmuCall {
  i: number
  org: Org
  callId: string
  dbId: string
  agent: Agent
  campaignId: string | null
  type: string
  finalStatus: string
  reason: string | null
  failureReason: string | null
  createdMs: number
  /** Recording (and answered call) start, a few seconds after creation. */
  startMs: number
  endMs: number
  durationS: number
  turns: number
  from: string
  to: string
  cost: number
  retryAttempt: number
  retryCount: number
  retryCallId: string | null
  isTest: boolean
  versionNumber: number
  avgLatencyMs: number | null
  connected: boolean
  agentChannel: 0 | 1
}

const DAY = 86_400_000
export const RECORDING_DELAY_MS = 4_000
export const ANALYTICS_DELAY_MS = 15_000

const objectId = (r: Rng) => hex(r, 24)
const phone = (r: Rng) => `+1${pick(r, ['415', '650', '212', '312', '646'])}555${String(Math.floor(r() * 10_000)).padStart(4, '0')}`

export interface DatasetOptions {
  calls: number
  seed: number
  now: number
  agentChannel: 0 | 1 | 'mixed'
}

export class Dataset {
  readonly calls: EmuCall[] = []
  readonly byId = new Map<string, EmuCall>()
  readonly agents: Agent[]
  readonly campaigns: string[]

  constructor(readonly opts: DatasetOptions) {
    const r = rngFor(opts.seed, -1)
    this.agents = [
      ...PURPOSES.map((purpose) => ({ id: objectId(r), org: 'A' as const, purpose })),
      { id: objectId(r), org: 'B' as const, purpose: PURPOSES[0]! },
    ]
    this.campaigns = [objectId(r), objectId(r), objectId(r)]
    const otherOrg = Math.max(20, Math.floor(opts.calls / 20))
    this.generate('A', opts.calls, 0)
    this.generate('B', otherOrg, opts.calls)
    this.linkRetries()
  }

  private generate(org: Org, count: number, offset: number): void {
    const span = 90 * DAY
    const agents = this.agents.filter((a) => a.org === org)
    let retryOf: EmuCall | null = null
    for (let k = 0; k < count; k++) {
      const i = offset + k
      // The newest calls are only seconds old, so some are still queued or in progress at start.
      const age = k >= count - 6 ? (count - k) * 25_000 : ((count - k) / count) * span
      const call = this.make(i, org, agents, this.opts.now - age, retryOf)
      retryOf = call.retryAttempt === 0 && !call.connected && rngFor(this.opts.seed, i, 9)() < 0.35 ? call : null
      if (retryOf) retryOf.retryCount = 1
      this.calls.push(call)
      this.byId.set(call.callId, call)
    }
  }

  private make(i: number, org: Org, agents: Agent[], createdMs: number, retryOf: EmuCall | null): EmuCall {
    const r = rngFor(this.opts.seed, i)
    const agent = retryOf?.agent ?? pick(r, agents)
    const inbound = agent.purpose.agentName.startsWith('Support')
    const type = retryOf?.type ?? (inbound ? weighted(r, [['telephony_inbound', 8], ['webcall', 2]]) : weighted(r, [['telephony_outbound', 9], ['webcall', 1]]))
    const finalStatus = weighted(r, [['completed', 74], ['no_answer', 13], ['failed', 6], ['cancelled', 4], ['busy', 3]])
    const connected = finalStatus === 'completed'
    const created = Math.floor(retryOf ? retryOf.createdMs + 10 * 60_000 + r() * 20 * 60_000 : createdMs)
    const startMs = created + 1000 + Math.floor(r() * 7000)
    const turns = connected ? 2 + Math.floor(r() ** 1.6 * 38) : 0
    const tl = connected ? this.timelineOf({ i, agent, turns }) : null
    const durationS = tl ? tl.durationS : 0
    const endMs = connected ? startMs + Math.round(durationS * 1000) : created + 20_000 + Math.floor(r() * 25_000)
    const reason = connected
      ? weighted(r, [['user_hangup', 55], ['agent_hangup', 40], ['transfer_complete', 5]])
      : finalStatus === 'no_answer' || finalStatus === 'busy' ? 'dial_no_answer' : pick(r, ['connection_error', 'system_error', 'timeout'])
    const lat = tl?.latencies.map((l) => l.ms) ?? []
    const callId = `CALL-${created}-${hex(r, 6)}`
    const customer = type === 'webcall' ? '' : retryOf?.to ?? phone(r)
    const line = retryOf?.from ?? phone(r)
    return {
      i,
      org,
      callId,
      dbId: objectId(r),
      agent,
      campaignId: retryOf?.campaignId ?? (inbound || r() < 0.25 ? null : pick(r, this.campaigns)),
      type,
      finalStatus,
      reason,
      failureReason: finalStatus === 'failed' ? pick(r, ['SIP 503 from carrier', 'Media timeout', 'Invalid destination number']) : null,
      createdMs: created,
      startMs,
      endMs,
      durationS,
      turns,
      from: type === 'telephony_inbound' ? customer : type === 'webcall' ? '' : line,
      to: type === 'telephony_inbound' ? line : customer,
      cost: connected ? Math.round((0.15 + durationS / 60) * 0.8 * 100) / 100 : 0,
      retryAttempt: retryOf ? 1 : 0,
      retryCount: 0,
      retryCallId: null,
      isTest: r() < 0.02,
      versionNumber: 1 + Math.floor(r() * 4),
      avgLatencyMs: lat.length ? Math.round(lat.reduce((a, b) => a + b, 0) / lat.length) : null,
      connected,
      agentChannel: this.opts.agentChannel === 'mixed' ? (r() < 0.5 ? 0 : 1) : this.opts.agentChannel,
    }
  }

  /** Links a retry call to its root once both exist. */
  linkRetries(): void {
    for (let k = 1; k < this.calls.length; k++) {
      const c = this.calls[k]!
      const prev = this.calls[k - 1]!
      if (c.retryAttempt === 1 && prev.retryCount === 1) prev.retryCallId = c.callId
    }
  }

  private readonly timelines = new Map<number, Timeline>()

  /** The call's dialogue and timing, rebuilt from the seed; recent ones are kept (pages ask often). */
  timelineOf(c: Pick<EmuCall, 'i' | 'agent' | 'turns'>): Timeline {
    let tl = this.timelines.get(c.i)
    if (!tl) {
      tl = timeline(rngFor(this.opts.seed, c.i, 1), c.agent.purpose, c.turns)
      if (this.timelines.size >= 5000) this.timelines.delete(this.timelines.keys().next().value!)
      this.timelines.set(c.i, tl)
    }
    return tl
  }

  /** Calls whose state can still change (not yet past analytics): few, the newest ones. */
  liveCalls(now: number): EmuCall[] {
    return this.calls.filter((c) => now < c.endMs + ANALYTICS_DELAY_MS)
  }
}

export type Phase = 'in_queue' | 'in_progress' | 'finished'

/** The state of a call at emulator time `now`. */
export function stateAt(c: EmuCall, now: number) {
  const phase: Phase = now < c.startMs ? 'in_queue' : now < c.endMs ? 'in_progress' : 'finished'
  const recordingReady = c.connected && now >= c.endMs + RECORDING_DELAY_MS
  const analyticsReady = c.connected && now >= c.endMs + ANALYTICS_DELAY_MS
  const milestones = [c.createdMs, c.startMs, c.endMs, c.endMs + RECORDING_DELAY_MS, c.endMs + ANALYTICS_DELAY_MS]
  const updatedMs = Math.max(...milestones.filter((m) => m <= now), c.createdMs)
  const status = phase === 'finished' ? c.finalStatus : phase
  return { phase, status, recordingReady, analyticsReady, updatedMs }
}
