// The two organisations of the emulator and their agents: 24-hex ids, phone lines, voices, the
// campaigns an outbound agent runs, and the versions an agent went through (a call records the
// version that was live when it was created). Org A is the caller's; org B exists so that tests
// can prove one key never sees another org's calls.
import { PURPOSES, type Purpose } from './purposes'
import { hex, rngFor, type Rng } from './random'

export type Org = 'A' | 'B'

export interface AgentVersion {
  id: string
  number: number
  /** When this version went live (emulator ms). */
  fromMs: number
}

export interface Agent {
  id: string
  org: Org
  name: string
  purpose: Purpose
  /** The agent's own number: the caller id of its outbound calls, the dialled number of inbound ones. */
  phone: string
  voice: { voiceId: string; gender: 'female' | 'male'; model: string; f0: number }
  timezone: string
  campaigns: string[]
  versions: AgentVersion[]
  createdMs: number
  /** Relative share of the org's calls. */
  weight: number
}

export const DAY_MS = 86_400_000
/** How far back the generated history goes. */
export const HISTORY_MS = 90 * DAY_MS

const ORG_IDS: Record<Org, string> = { A: '6770aa11bb22cc33dd44ee55', B: '6770aa11bb22cc33dd44ee66' }
export const orgObjectId = (org: Org) => ORG_IDS[org]

/** A Mongo-like ObjectId: its first 8 hex digits are the creation time in seconds, as Mongo's are. */
export const objectIdAt = (r: Rng, ms: number) => Math.floor(ms / 1000).toString(16).padStart(8, '0').slice(-8) + hex(r, 16)

export const phoneNumber = (r: Rng) => `+1${['415', '650', '212', '312', '646', '737'][Math.floor(r() * 6)]}555${String(Math.floor(r() * 10_000)).padStart(4, '0')}`

const ROSTER: { org: Org; name: string; purpose: string; voice: Agent['voice']; timezone: string; weight: number }[] = [
  { org: 'A', name: 'Delivery Reschedule Agent', purpose: 'delivery', voice: { voiceId: 'nyah', gender: 'female', model: 'waves_lightning_v3_1', f0: 205 }, timezone: 'America/Los_Angeles', weight: 3 },
  { org: 'A', name: 'Clinic Appointment Booking', purpose: 'appointment', voice: { voiceId: 'emily', gender: 'female', model: 'waves_lightning_v3_1', f0: 220 }, timezone: 'America/New_York', weight: 2 },
  { org: 'A', name: 'Payment Reminder', purpose: 'payment', voice: { voiceId: 'arman', gender: 'male', model: 'waves_lightning_large', f0: 118 }, timezone: 'Asia/Kolkata', weight: 3 },
  { org: 'A', name: 'Support Triage', purpose: 'support', voice: { voiceId: 'ava', gender: 'female', model: 'waves_lightning_v3_1', f0: 196 }, timezone: 'America/Chicago', weight: 3 },
  { org: 'A', name: 'Solar Lead Qualifier', purpose: 'leads', voice: { voiceId: 'leo', gender: 'male', model: 'waves_lightning_large', f0: 126 }, timezone: 'America/Denver', weight: 1 },
  { org: 'B', name: 'Acme Helpdesk', purpose: 'support', voice: { voiceId: 'nyah', gender: 'female', model: 'waves_lightning_v3_1', f0: 210 }, timezone: 'Europe/London', weight: 2 },
  { org: 'B', name: 'Acme Delivery Updates', purpose: 'delivery', voice: { voiceId: 'arman', gender: 'male', model: 'waves_lightning_v3_1', f0: 122 }, timezone: 'Europe/London', weight: 1 },
]

/** The agents of both orgs, the same for a given seed and start time. */
export function makeAgents(seed: number, t0: number): Agent[] {
  const r = rngFor(seed, 0, 99)
  return ROSTER.map((row) => {
    const purpose = PURPOSES.find((p) => p.key === row.purpose)!
    const createdMs = t0 - HISTORY_MS - Math.floor((10 + r() * 60) * DAY_MS)
    const versionCount = 1 + Math.floor(r() * 5)
    const versions = Array.from({ length: versionCount }, (_, k) => {
      // Version 1 predates the history; later ones went live within it.
      const fromMs = k === 0 ? createdMs : t0 - HISTORY_MS + Math.floor(((k - 0.5 + r() * 0.5) / versionCount) * HISTORY_MS)
      return { id: objectIdAt(r, fromMs), number: k + 1, fromMs }
    })
    const campaigns = purpose.direction === 'outbound' ? Array.from({ length: 1 + Math.floor(r() * 2) }, () => objectIdAt(r, t0 - HISTORY_MS)) : []
    return { ...row, id: objectIdAt(r, createdMs), purpose, phone: phoneNumber(r), campaigns, versions, createdMs }
  })
}

/** The version that was live at `ms`. */
export const versionAt = (agent: Agent, ms: number): AgentVersion => agent.versions.findLast((v) => v.fromMs <= ms) ?? agent.versions[0]!
