// GET /conversation's query (atoms-api.md §4.1): validation (400 in the documented envelope for
// bad page/limit, unknown enum values, bad dates), CSV filters (OR inside one, AND across),
// case-insensitive substring search on callId/from/to, creation-date range (inclusive), duration
// buckets, the root-calls-only default of callAttemptFilter, and a stable sort (ties broken by
// callId) so that paging never skips or repeats a call. Filters compare the values as sent, so in
// legacy mode "busy" and "chat" match.
import type { EmuCall } from './dataset'
import { badRequest } from './httpError'
import { avgLatencyAt, durationAt, existsAt, reasonAt, statusAt, updatedMsAt, wireStatus, wireType } from './lifecycle'


const STATUSES = ['pending', 'in_queue', 'in_progress', 'processing', 'active', 'completed', 'failed', 'no_answer', 'cancelled', 'busy']
const TYPES = ['telephony_inbound', 'telephony_outbound', 'webcall', 'chat']
const REASONS = ['user_hangup', 'agent_hangup', 'dial_no_answer', 'timeout', 'connection_error', 'system_error', 'transfer_complete']
const ATTEMPTS = ['initial', 'retry', 'all']
const SORTS = ['createdAt', 'updatedAt', 'callDuration', 'avgLatency'] as const
type SortBy = (typeof SORTS)[number]
/** Bucket edges: a call of exactly 30 s is in 0-30, of exactly 60 s in 30-60, of exactly 300 s in 1-5. */
const BUCKETS: Record<string, (s: number) => boolean> = {
  '0-30': (s) => s <= 30,
  '30-60': (s) => s > 30 && s <= 60,
  '1-5': (s) => s > 60 && s <= 300,
  '5+': (s) => s > 300,
}

export interface ListParams {
  page: number
  limit: number
  /** The query without page and limit: what decides the listing's contents and order. */
  listingKey: string
  filter: (c: EmuCall) => boolean
  sortBy: SortBy
  desc: boolean
}

/** A full scan on the real service (an explicit createdAt sort or a date range): where 504s happen. */
export const isFullScan = (q: URLSearchParams) => q.get('sortBy') === 'createdAt' || q.has('dateFrom') || q.has('dateTo')

function positiveInt(q: URLSearchParams, name: string, fallback: number): number {
  const raw = q.get(name)
  if (raw === null) return fallback
  const n = Number(raw)
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < 1) throw badRequest(`Invalid input: ${name} must be a positive integer`)
  return n
}

function csv(q: URLSearchParams, name: string, allowed?: readonly string[]): string[] | null {
  const raw = q.get(name)
  if (raw === null || raw.trim() === '') return null
  const values = raw.split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = allowed && values.find((v) => !allowed.includes(v))
  if (unknown) throw badRequest(`Invalid input: ${name} has an unknown value "${unknown}"`)
  return values
}

function instant(q: URLSearchParams, name: string): number | null {
  const raw = q.get(name)
  if (raw === null || raw === '') return null
  const t = Date.parse(raw)
  if (Number.isNaN(t)) throw badRequest(`Invalid input: ${name} must be an ISO 8601 date-time`)
  return t
}

export function parseList(q: URLSearchParams, now: number, legacy: boolean): ListParams {
  const page = positiveInt(q, 'page', 1)
  const limit = Math.min(500, positiveInt(q, 'limit', 5))
  const statuses = csv(q, 'statusFilter', STATUSES)
  const types = csv(q, 'callTypes', TYPES)
  const reasons = csv(q, 'disconnectReasonFilter', REASONS)
  const attempts = csv(q, 'callAttemptFilter', ATTEMPTS) ?? ['initial']
  const buckets = csv(q, 'durationFilter', Object.keys(BUCKETS))?.map((b) => BUCKETS[b]!)
  const [agents, campaigns, versions] = ['agentIds', 'campaignIds', 'versionFilter'].map((n) => csv(q, n))
  const sortBy = (q.get('sortBy') ?? 'updatedAt') as SortBy
  if (!SORTS.includes(sortBy)) throw badRequest(`Invalid input: sortBy must be one of ${SORTS.join(', ')}`)
  const order = q.get('sortOrder') ?? 'desc'
  if (order !== 'asc' && order !== 'desc') throw badRequest('Invalid input: sortOrder must be asc or desc')
  const search = q.get('search')?.toLowerCase() || null
  const from = instant(q, 'dateFrom')
  const to = instant(q, 'dateTo')
  const rest = new URLSearchParams(q)
  rest.delete('page')
  rest.delete('limit')
  rest.sort()
  const filter = (c: EmuCall): boolean => {
    if (!existsAt(c, now)) return false
    if (!attempts.includes('all') && !attempts.includes(c.retryAttempt === 0 ? 'initial' : 'retry')) return false
    if (agents && !agents.includes(c.agent.id)) return false
    if (campaigns && !(c.campaignId && campaigns.includes(c.campaignId))) return false
    if (versions && !versions.includes(c.version.id)) return false
    if (types && !types.includes(wireType(c.type, legacy))) return false
    if (statuses && !statuses.includes(wireStatus(statusAt(c, now), legacy))) return false
    if (reasons && !reasons.includes(reasonAt(c, now) ?? '')) return false
    if (buckets && !buckets.some((inBucket) => inBucket(durationAt(c, now)))) return false
    if (from !== null && c.createdMs < from) return false
    if (to !== null && c.createdMs > to) return false
    if (search && !(c.callId.toLowerCase().includes(search) || c.from.includes(search) || c.to.includes(search))) return false
    return true
  }
  return { page, limit, listingKey: rest.toString(), filter, sortBy, desc: order === 'desc' }
}

const SORT_KEYS: Record<SortBy, (c: EmuCall, now: number) => number> = {
  createdAt: (c) => c.createdMs,
  updatedAt: updatedMsAt,
  callDuration: durationAt,
  // Calls without metrics sort as the lowest (last when descending, as Mongo puts nulls).
  avgLatency: (c, now) => avgLatencyAt(c, now) ?? -1,
}

export function sortCalls(calls: EmuCall[], sortBy: SortBy, desc: boolean, now: number): EmuCall[] {
  const key = SORT_KEYS[sortBy]
  const dir = desc ? -1 : 1
  const keyed = calls.map((c) => ({ c, k: key(c, now) }))
  keyed.sort((a, b) => (a.k !== b.k ? (a.k - b.k) * dir : a.c.callId < b.c.callId ? -dir : dir))
  return keyed.map((x) => x.c)
}
