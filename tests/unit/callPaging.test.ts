// Every page of a filtered, sorted list holds exactly the calls that filtering and sorting the same
// calls in plain JavaScript gives, whichever way the store finds them: walking the sort index a
// bounded stretch (common matches) or sorting the matches (rare ones, or matches bunched far down
// the sort order, as failed calls are at the end of a sort by duration).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallSummary } from '@shared/domain'
import type { CallQuery } from '@shared/query'
import { dataPaths } from '../../src/main/paths'
import { openStore, type Store } from '../../src/main/store/store'
import { makeCall, rawOf } from '../support/calls'
import { tempDir } from '../support/tempDir'

const dir = tempDir()
let store: Store
// Calls that did not connect have no duration, cost or latency, as on the platform: a filter on
// their status is correlated with those sorts. Three in four mention a parcel: a word with more
// matches than the store lists by rowid.
const calls: CallSummary[] = Array.from({ length: 3000 }, (_, i) => {
  const made = makeCall(i)
  const c = i % 4 ? { ...made, summary: `${made.summary} The parcel was late.` } : made
  return c.status === 'completed' ? c : { ...c, durationS: 0, costCredits: 0, latency: null }
})

beforeAll(() => {
  store = openStore(dataPaths(dir.path))
  for (let i = 0; i < calls.length; i += 500) store.calls.upsertSummaries(calls.slice(i, i + 500), calls.slice(i, i + 500).map(rawOf))
})
afterAll(() => {
  store.close()
  dir.cleanup()
})

type Key = (c: CallSummary) => number | string | null
const KEYS: Record<NonNullable<CallQuery['sortBy']>, Key> = {
  createdAt: (c) => c.createdAt,
  updatedAt: (c) => c.updatedAt,
  duration: (c) => c.durationS,
  cost: (c) => c.costCredits,
  latency: (c) => c.latency?.avgMs ?? null,
  status: (c) => c.status,
  type: (c) => c.type,
  agent: (c) => c.agentName,
  from: (c) => c.from,
  to: (c) => c.to,
  reason: (c) => c.disconnectReason,
  id: (c) => c.id,
}

function reference(q: CallQuery, pred: (c: CallSummary) => boolean): string[] {
  const key = KEYS[q.sortBy ?? 'createdAt']
  const sign = q.sortOrder === 'asc' ? 1 : -1
  return calls
    .filter(pred)
    .sort((a, b) => {
      const ka = key(a)
      const kb = key(b)
      // Missing values sort as the smallest, as SQLite orders NULL; ties by id in the same direction.
      if (ka !== kb) return (ka === null ? -1 : kb === null ? 1 : ka < kb ? -1 : 1) * sign
      return (a.id < b.id ? -1 : 1) * sign
    })
    .map((c) => c.id)
}

const recorded = (c: CallSummary) => Boolean(c.recordingUrl || c.recordingDualUrl)
const idsOf = (c: CallSummary) => `${c.id} ${c.from} ${c.to}`.toLowerCase()

describe('list pages under filters and sorts', () => {
  it.each<[string, CallQuery, (c: CallSummary) => boolean]>([
    ['no filter', {}, () => true],
    ['common status', { statuses: ['completed'] }, (c) => c.status === 'completed'],
    ['failed by duration (matches at the end)', { statuses: ['failed', 'no_answer'], sortBy: 'duration', sortOrder: 'desc' }, (c) => ['failed', 'no_answer'].includes(c.status)],
    ['failed by cost ascending', { statuses: ['failed'], sortBy: 'cost', sortOrder: 'asc' }, (c) => c.status === 'failed'],
    ['type and duration by cost', { types: ['telephony_inbound'], durationMin: 60, sortBy: 'cost' }, (c) => c.type === 'telephony_inbound' && c.durationS >= 60],
    ['cost range by latency', { costMin: 1, costMax: 2, sortBy: 'latency', sortOrder: 'desc' }, (c) => (c.costCredits ?? -1) >= 1 && (c.costCredits ?? 99) <= 2],
    ['latency and status', { latencyMin: 1500, statuses: ['completed'] }, (c) => c.status === 'completed' && (c.latency?.avgMs ?? 0) >= 1500],
    ['disposition value', { dispositions: [{ identifier: 'call_resolved', values: ['unresolved'] }] }, (c) => c.dispositions.call_resolved === 'unresolved'],
    ['disposition and status', { statuses: ['completed'], dispositions: [{ identifier: 'call_resolved', values: ['resolved'] }], sortBy: 'duration' }, (c) => c.status === 'completed' && c.dispositions.call_resolved === 'resolved'],
    ['recorded, not test, by agent', { hasRecording: true, isTest: false, sortBy: 'agent', sortOrder: 'asc' }, (c) => recorded(c) && !c.isTest],
    ['rare: test calls by duration', { isTest: true, sortBy: 'duration', sortOrder: 'asc' }, (c) => c.isTest],
    ['reason by status', { reasons: ['timeout'], sortBy: 'status' }, (c) => c.disconnectReason === 'timeout'],
    ['agent in a date range', { agentIds: [calls[1]!.agentId!], createdFrom: calls[100]!.createdAt, createdTo: calls[2500]!.createdAt }, (c) => c.agentId === calls[1]!.agentId && c.createdAt >= calls[100]!.createdAt && c.createdAt <= calls[2500]!.createdAt],
    ['text over some calls', { text: 'refund', sortBy: 'duration' }, (c) => /refund/.test(c.summary ?? '')],
    ['text over most calls', { text: 'parcel' }, (c) => /parcel/.test(c.summary ?? '')],
    ['text over most calls by duration', { text: 'parc', sortBy: 'duration', sortOrder: 'asc' }, (c) => /parcel/.test(c.summary ?? '')],
    ['text over most calls and a status', { text: 'parcel', statuses: ['failed'] }, (c) => /parcel/.test(c.summary ?? '') && c.status === 'failed'],
    ['text and failed by duration', { text: 'parcel', statuses: ['failed', 'no_answer'], sortBy: 'duration', sortOrder: 'desc' }, (c) => /parcel/.test(c.summary ?? '') && ['failed', 'no_answer'].includes(c.status)],
    // Ids and numbers that match most calls are tested on each call walked, not gathered first.
    ['phone prefix of every call', { text: '+1415555' }, (c) => idsOf(c).includes('+1415555')],
    ['phone prefix, failed, by duration', { text: '+1415555', statuses: ['failed', 'no_answer'], sortBy: 'duration', sortOrder: 'desc' }, (c) => idsOf(c).includes('+1415555') && ['failed', 'no_answer'].includes(c.status)],
    ['id fragment of most calls by cost', { text: 'call-1790', sortBy: 'cost', sortOrder: 'asc' }, (c) => idsOf(c).includes('call-1790')],
    ['words and digits together', { text: 'call 12' }, (c) => /\bcall 12/.test(c.summary ?? '') || idsOf(c).includes('call12')],
  ])('%s', (_name, query, pred) => {
    const want = reference(query, pred)
    expect(want.length).toBeGreaterThan(0)
    const limit = 40
    const offsets = [0, limit, Math.floor(want.length / 2), Math.max(0, want.length - 15), want.length + 5]
    for (const offset of offsets) {
      const page = store.query.list({ ...query, offset, limit })
      expect(page.total).toBe(want.length)
      expect(page.rows.map((r) => r.id)).toEqual(want.slice(offset, offset + limit))
    }
  })
})
