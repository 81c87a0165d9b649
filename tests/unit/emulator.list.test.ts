// GET /conversation in the emulator (atoms-api.md §4.1): limit and page rules, paging the whole
// set, every filter (checked against filtering every call client-side), and every sort order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/server'

interface Item {
  callId: string
  agentId: string
  campaignId: string | null
  versionId: string
  type: string
  status: string
  duration: number
  from: string
  to: string
  disconnectionReason?: string
  retryAttemptNumber: number
  createdAt: string
  updatedAt: string
  turnLatencyMetrics?: { avgLatency?: number }
}

let emu: Emulator
let everything: Item[] = []
const get = (path: string) => fetch(emu.url + path, { headers: { authorization: 'Bearer sk_test_earmark' } })

async function all(query: string): Promise<Item[]> {
  const out: Item[] = []
  for (let page = 1; ; page++) {
    const body = (await (await get(`/conversation?limit=500&page=${page}&${query}`)).json()) as { data: { logs: Item[]; pagination: { hasMore: boolean; total: number } } }
    out.push(...body.data.logs)
    if (!body.data.pagination.hasMore) {
      expect(out).toHaveLength(body.data.pagination.total)
      return out
    }
  }
}

beforeAll(async () => {
  emu = await startEmulator({ calls: 1500, seed: 6, now: () => Date.UTC(2026, 10, 20, 12) })
  everything = await all('callAttemptFilter=all')
})
afterAll(() => emu.close())

describe('paging', () => {
  it('defaults limit to 5, clamps it to 500, and refuses bad values with 400', async () => {
    const first = (await (await get('/conversation')).json()) as { data: { logs: unknown[]; pagination: object } }
    expect(first.data.logs).toHaveLength(5)
    expect(first.data.pagination).toMatchObject({ page: 1, limit: 5 })
    expect(((await (await get('/conversation?limit=5000')).json()) as { data: { pagination: { limit: number } } }).data.pagination.limit).toBe(500)
    const bad = ['limit=0', 'limit=-1', 'limit=abc', 'limit=2.5', 'page=0', 'page=x', 'sortBy=name', 'sortOrder=up', 'statusFilter=weird', 'callTypes=fax', 'durationFilter=2-3', 'callAttemptFilter=first', 'dateFrom=yesterday']
    for (const q of bad) {
      const res = await get(`/conversation?${q}`)
      expect(res.status, q).toBe(400)
      expect(await res.json(), q).toEqual({ status: false, errors: [expect.stringMatching(/^Invalid input/)] })
    }
  })

  it('gives an empty last page past the end', async () => {
    const body = (await (await get('/conversation?limit=500&page=99')).json()) as { data: { logs: unknown[]; pagination: object } }
    expect(body.data).toMatchObject({ logs: [], pagination: { page: 99, hasMore: false } })
  })

  it('pages through every root call exactly once; retries only on request', async () => {
    const roots = await all('')
    const retries = await all('callAttemptFilter=retry')
    expect(new Set(roots.map((c) => c.callId)).size).toBe(roots.length)
    expect(roots.every((c) => c.retryAttemptNumber === 0)).toBe(true)
    expect(retries.length).toBeGreaterThan(0)
    expect(retries.every((c) => c.retryAttemptNumber > 0)).toBe(true)
    expect([...roots, ...retries].map((c) => c.callId).sort()).toEqual(emu.callIds('A').sort())
    expect((await all('callAttemptFilter=initial,retry')).length).toBe(everything.length)
  })
})

const sample = () => everything.find((c) => c.campaignId && c.from && c.disconnectionReason === 'user_hangup')!

describe('filters narrow like filtering every call by hand', () => {
  const cases: [string, () => string, (c: Item) => boolean][] = [
    ['one agent', () => `agentIds=${sample().agentId}`, (c) => c.agentId === sample().agentId],
    ['two agents', () => `agentIds=${sample().agentId},${everything.find((c) => c.agentId !== sample().agentId)!.agentId}`, (c) => c.agentId === sample().agentId || c.agentId === everything.find((x) => x.agentId !== sample().agentId)!.agentId],
    ['campaign', () => `campaignIds=${sample().campaignId}`, (c) => c.campaignId === sample().campaignId],
    ['version', () => `versionFilter=${sample().versionId}`, (c) => c.versionId === sample().versionId],
    ['call types', () => 'callTypes=telephony_inbound,webcall', (c) => c.type === 'telephony_inbound' || c.type === 'webcall'],
    ['statuses', () => 'statusFilter=no_answer,failed', (c) => c.status === 'no_answer' || c.status === 'failed'],
    ['disconnect reasons', () => 'disconnectReasonFilter=dial_no_answer,agent_hangup', (c) => c.disconnectionReason === 'dial_no_answer' || c.disconnectionReason === 'agent_hangup'],
    ['0-30 s', () => 'durationFilter=0-30', (c) => c.duration <= 30],
    ['30-60 s', () => 'durationFilter=30-60', (c) => c.duration > 30 && c.duration <= 60],
    ['1-5 min', () => 'durationFilter=1-5', (c) => c.duration > 60 && c.duration <= 300],
    ['over 5 min', () => 'durationFilter=5%2B', (c) => c.duration > 300],
    ['search in a call id', () => `search=${sample().callId.slice(-6).toUpperCase()}`, (c) => c.callId.includes(sample().callId.slice(-6))],
    ['search in a phone number', () => `search=${encodeURIComponent(sample().from.slice(0, 6))}`, (c) => c.from.includes(sample().from.slice(0, 6)) || c.to.includes(sample().from.slice(0, 6))],
    ['created from (inclusive)', () => `dateFrom=${everything[40]!.createdAt}`, (c) => c.createdAt >= everything[40]!.createdAt],
    ['created until (inclusive)', () => `dateTo=${everything[40]!.createdAt}`, (c) => c.createdAt <= everything[40]!.createdAt],
    ['all at once', () => `agentIds=${sample().agentId}&statusFilter=completed&durationFilter=0-30,30-60&callTypes=${sample().type}`, (c) => c.agentId === sample().agentId && c.status === 'completed' && c.duration <= 60 && c.type === sample().type],
  ]
  it.each(cases)('%s', async (_, query, keep) => {
    const expected = everything.filter(keep).map((c) => c.callId).sort()
    expect(expected.length, 'the data has calls to find').toBeGreaterThan(0)
    expect(expected.length, 'and calls to leave out').toBeLessThan(everything.length)
    expect((await all(`callAttemptFilter=all&${query()}`)).map((c) => c.callId).sort()).toEqual(expected)
  })

  it('keeps only root calls by default, under any filter', async () => {
    const roots = everything.filter((c) => c.retryAttemptNumber === 0 && c.status === 'no_answer')
    expect((await all('statusFilter=no_answer')).map((c) => c.callId).sort()).toEqual(roots.map((c) => c.callId).sort())
  })
})

describe('sorting', () => {
  const keys: Record<string, (c: Item) => number> = {
    updatedAt: (c) => Date.parse(c.updatedAt),
    createdAt: (c) => Date.parse(c.createdAt),
    callDuration: (c) => c.duration,
    avgLatency: (c) => c.turnLatencyMetrics?.avgLatency ?? -1,
  }
  it.each(Object.keys(keys).flatMap((sortBy) => ['asc', 'desc'].map((order) => [sortBy, order] as const)))('by %s %s, ties by callId, never skipping or repeating', async (sortBy, order) => {
    const sorted = await all(`callAttemptFilter=all&sortBy=${sortBy}&sortOrder=${order}`)
    const dir = order === 'asc' ? 1 : -1
    const key = keys[sortBy]!
    for (let k = 1; k < sorted.length; k++) {
      const [a, b] = [sorted[k - 1]!, sorted[k]!]
      const cmp = key(a) === key(b) ? (a.callId < b.callId ? -1 : 1) : Math.sign(key(a) - key(b))
      expect(cmp * dir, `${a.callId} before ${b.callId}`).toBe(-1)
    }
    expect(sorted.map((c) => c.callId).sort()).toEqual(everything.map((c) => c.callId).sort())
  })

  it('sorts by the latest update, newest first, by default', async () => {
    const body = (await (await get('/conversation?limit=500&callAttemptFilter=all')).json()) as { data: { logs: Item[] } }
    expect(body.data.logs.map((c) => c.callId)).toEqual((await all('callAttemptFilter=all&sortBy=updatedAt&sortOrder=desc')).slice(0, 500).map((c) => c.callId))
  })
})
