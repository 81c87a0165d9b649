// GET /conversation in the emulator: parameter validation (400 with the documented envelope),
// CSV filters (OR inside one, AND across), search by substring, date range, duration buckets,
// the default root-calls-only attempt filter, and a stable sort (ties broken by callId).
import { stateAt, type EmuCall } from './dataset'

export class BadRequest extends Error {}

const STATUSES = ['pending', 'in_queue', 'in_progress', 'processing', 'active', 'completed', 'failed', 'no_answer', 'cancelled', 'busy']
const SORTS = ['createdAt', 'updatedAt', 'callDuration', 'avgLatency']
const BUCKETS: Record<string, (s: number) => boolean> = {
  '0-30': (s) => s >= 0 && s <= 30,
  '30-60': (s) => s > 30 && s <= 60,
  '1-5': (s) => s > 60 && s <= 300,
  '5+': (s) => s > 300,
}

export interface ListParams {
  page: number
  limit: number
  filter: (c: EmuCall) => boolean
  sortBy: string
  desc: boolean
  expensive: boolean
}

function int(q: URLSearchParams, name: string, fallback: number): number {
  const raw = q.get(name)
  if (raw === null) return fallback
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isInteger(n) || n < 1) throw new BadRequest(`Invalid input: ${name} must be a positive integer`)
  return n
}

const csv = (q: URLSearchParams, name: string) => q.get(name)?.split(',').map((s) => s.trim()).filter(Boolean) ?? null

function date(q: URLSearchParams, name: string): number | null {
  const raw = q.get(name)
  if (raw === null) return null
  const t = Date.parse(raw)
  if (Number.isNaN(t)) throw new BadRequest(`Invalid input: ${name} must be an ISO date-time`)
  return t
}

export function parseList(q: URLSearchParams, now: number, status: (c: EmuCall) => string): ListParams {
  const page = int(q, 'page', 1)
  const limit = Math.min(500, int(q, 'limit', 5))
  const statuses = csv(q, 'statusFilter')
  const unknown = statuses?.find((s) => !STATUSES.includes(s))
  if (unknown) throw new BadRequest(`Invalid input: unknown status "${unknown}"`)
  const sortBy = q.get('sortBy') ?? 'updatedAt'
  if (!SORTS.includes(sortBy)) throw new BadRequest(`Invalid input: sortBy must be one of ${SORTS.join(', ')}`)
  const order = q.get('sortOrder') ?? 'desc'
  if (order !== 'asc' && order !== 'desc') throw new BadRequest('Invalid input: sortOrder must be asc or desc')
  const buckets = csv(q, 'durationFilter')
  const badBucket = buckets?.find((b) => !BUCKETS[b])
  if (badBucket) throw new BadRequest(`Invalid input: unknown durationFilter "${badBucket}"`)
  const attempts = csv(q, 'callAttemptFilter') ?? ['initial']
  const [agents, campaigns, types, reasons, versions] = ['agentIds', 'campaignIds', 'callTypes', 'disconnectReasonFilter', 'versionFilter'].map((n) => csv(q, n))
  const search = q.get('search')?.toLowerCase() ?? null
  const from = date(q, 'dateFrom')
  const to = date(q, 'dateTo')
  const filter = (c: EmuCall): boolean => {
    if (!attempts.includes('all') && !attempts.includes(c.retryAttempt === 0 ? 'initial' : 'retry')) return false
    if (agents && !agents.includes(c.agent.id)) return false
    if (campaigns && !(c.campaignId && campaigns.includes(c.campaignId))) return false
    if (types && !types.includes(c.type)) return false
    if (statuses && !statuses.includes(status(c))) return false
    if (reasons && !(stateAt(c, now).phase === 'finished' && c.reason && reasons.includes(c.reason))) return false
    if (versions && !versions.includes(c.agent.id.slice(0, 16) + c.versionNumber.toString(16).padStart(8, '0'))) return false
    if (buckets && !buckets.some((b) => BUCKETS[b]!(stateAt(c, now).phase === 'finished' ? c.durationS : 0))) return false
    if (from !== null && c.createdMs < from) return false
    if (to !== null && c.createdMs > to) return false
    if (search && !(c.callId.toLowerCase().includes(search) || c.from.includes(search) || c.to.includes(search))) return false
    return true
  }
  return { page, limit, filter, sortBy, desc: order === 'desc', expensive: sortBy === 'createdAt' || from !== null || to !== null }
}

export function sortKey(sortBy: string, now: number): (c: EmuCall) => number {
  switch (sortBy) {
    case 'createdAt':
      return (c) => c.createdMs
    case 'callDuration':
      return (c) => (stateAt(c, now).phase === 'finished' ? c.durationS : 0)
    case 'avgLatency':
      return (c) => (stateAt(c, now).analyticsReady ? (c.avgLatencyMs ?? -1) : -1)
    default:
      return (c) => stateAt(c, now).updatedMs
  }
}

export function sortCalls(calls: EmuCall[], sortBy: string, desc: boolean, now: number): EmuCall[] {
  const key = sortKey(sortBy, now)
  const keyed = calls.map((c) => ({ c, k: key(c) }))
  keyed.sort((a, b) => (a.k !== b.k ? (a.k - b.k) * (desc ? -1 : 1) : a.c.callId < b.c.callId ? (desc ? 1 : -1) : desc ? -1 : 1))
  return keyed.map((x) => x.c)
}
