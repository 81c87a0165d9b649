// The local call list answers every filter, sort and page exactly as filtering the same calls
// in plain JavaScript would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallSummary } from '@shared/domain'
import type { CallQuery } from '@shared/query'
import { dataPaths } from '../../src/main/paths'
import { openStore, type Store } from '../../src/main/store/store'
import { callQuerySchema } from '../../src/main/store/callQuery.schema'
import { textMatch } from '../../src/main/store/callFilter'
import { callsHandlers } from '../../src/main/ipc/calls.ipc'
import { makeCall, makeDetail, rawOf } from '../support/calls'
import { tempDir } from '../support/tempDir'

const dir = tempDir()
let store: Store
const calls: CallSummary[] = Array.from({ length: 240 }, (_, i) => makeCall(i))

beforeAll(() => {
  store = openStore(dataPaths(dir.path))
  store.calls.upsertSummaries(calls, calls.map(rawOf))
  store.calls.saveDetails([{ call: makeDetail(calls[5]!, ['Your parcel arrives tomorrow.', 'Can I get a refund instead?']), raw: {} }])
})
afterAll(() => {
  store.close()
  dir.cleanup()
})

const ids = (q: CallQuery) => store.query.list({ limit: 500, ...q }).rows.map((r) => r.id).sort()
const expected = (pred: (c: CallSummary) => boolean) => calls.filter(pred).map((c) => c.id).sort()

describe('call list filters', () => {
  it.each<[string, CallQuery, (c: CallSummary) => boolean]>([
    ['status', { statuses: ['no_answer', 'failed'] }, (c) => ['no_answer', 'failed'].includes(c.status)],
    ['type', { types: ['webcall'] }, (c) => c.type === 'webcall'],
    ['reason', { reasons: ['timeout'] }, (c) => c.disconnectReason === 'timeout'],
    ['agent', { agentIds: [calls[1]!.agentId!] }, (c) => c.agentId === calls[1]!.agentId],
    ['campaign', { campaignIds: [calls[1]!.campaignId!] }, (c) => c.campaignId === calls[1]!.campaignId],
    ['date range', { createdFrom: calls[10]!.createdAt, createdTo: calls[20]!.createdAt }, (c) => c.createdAt >= calls[10]!.createdAt && c.createdAt <= calls[20]!.createdAt],
    ['duration', { durationMin: 60, durationMax: 120 }, (c) => c.durationS >= 60 && c.durationS <= 120],
    ['cost', { costMin: 1, costMax: 2 }, (c) => (c.costCredits ?? -1) >= 1 && (c.costCredits ?? 99) <= 2],
    ['latency', { latencyMin: 1200 }, (c) => (c.latency?.avgMs ?? 0) >= 1200],
    ['has recording', { hasRecording: false }, (c) => !c.recordingUrl && !c.recordingDualUrl],
    ['test calls', { isTest: true }, (c) => c.isTest],
    ['disposition value', { dispositions: [{ identifier: 'call_resolved', values: ['resolved'] }] }, (c) => c.dispositions.call_resolved === 'resolved'],
    ['combined', { statuses: ['completed'], types: ['telephony_inbound'], durationMin: 100 }, (c) => c.status === 'completed' && c.type === 'telephony_inbound' && c.durationS >= 100],
    ['phone substring', { text: '5550012' }, (c) => c.from.includes('5550012') || c.to.includes('5550012')],
    ['call id substring', { text: calls[42]!.id.slice(5, 18) }, (c) => c.id.includes(calls[42]!.id.slice(5, 18))],
    ['call id in any case', { text: calls[42]!.id.slice(0, 12).toLowerCase() }, (c) => c.id.startsWith(calls[42]!.id.slice(0, 12))],
    ['summary words', { text: 'refund' }, (c) => /refund/.test(c.summary ?? '') || c.id === calls[5]!.id],
  ])('%s', (_name, query, pred) => {
    const want = expected(pred)
    expect(want.length).toBeGreaterThan(0)
    expect(ids(query)).toEqual(want)
    expect(store.query.list(query).total).toBe(want.length)
  })

  it('finds a word that only the transcript holds', () => {
    expect(ids({ text: 'parcel' })).toEqual([calls[5]!.id])
    expect(ids({ text: 'parc' })).toEqual([calls[5]!.id])
  })

  it('looks for ids and numbers in the small calls_search index, not in the table', () => {
    const { rowids } = textMatch('5550012')!.ids!
    const plan = store.cache.prepare(`EXPLAIN QUERY PLAN ${rowids.sql}`).all(...rowids.params) as { detail: string }[]
    expect(plan.map((p) => p.detail)).toEqual(['SCAN calls USING COVERING INDEX calls_search'])
  })

  it('treats search operators in user text as plain words', () => {
    expect(() => store.query.list({ text: 'refund OR "NEAR(' })).not.toThrow()
    expect(store.query.list({ text: '"*' }).total).toBe(0)
  })
})

describe('sorting and paging', () => {
  it.each<[CallQuery['sortBy'], (c: CallSummary) => number | string | null]>([
    ['id', (c) => c.id],
    ['createdAt', (c) => c.createdAt],
    ['duration', (c) => c.durationS],
    ['cost', (c) => c.costCredits],
    ['latency', (c) => c.latency?.avgMs ?? null],
    ['agent', (c) => c.agentName],
  ])('sorts by %s both ways with ties broken by id', (sortBy, key) => {
    for (const sortOrder of ['asc', 'desc'] as const) {
      const got = store.query.list({ sortBy, sortOrder, limit: 500 }).rows.map((r) => r.id)
      const sign = sortOrder === 'asc' ? 1 : -1
      const want = [...calls]
        .sort((a, b) => {
          const ka = key(a), kb = key(b)
          // Missing values sort as the smallest, as SQLite orders NULL.
          if (ka !== kb) return (ka === null ? -1 : kb === null ? 1 : ka < kb ? -1 : 1) * sign
          return (a.id < b.id ? -1 : 1) * sign
        })
        .map((c) => c.id)
      expect(got).toEqual(want)
    }
  })

  it('pages through every call exactly once', () => {
    const seen: string[] = []
    for (let offset = 0; offset < calls.length; offset += 37) seen.push(...store.query.list({ offset, limit: 37 }).rows.map((r) => r.id))
    expect(seen).toHaveLength(calls.length)
    expect(new Set(seen).size).toBe(calls.length)
  })
})

describe('facets', () => {
  it('counts each value under the other filters, ignoring the facet own filter', () => {
    const f = store.query.facets({ statuses: ['completed'], types: ['webcall'] })
    const count = (pred: (c: CallSummary) => boolean) => calls.filter(pred).length
    expect(f.statuses.find((s) => s.value === 'in_progress')?.count).toBe(count((c) => c.type === 'webcall' && c.status === 'in_progress'))
    expect(f.statuses.find((s) => s.value === 'failed')).toBeUndefined()
    expect(f.types.find((s) => s.value === 'telephony_inbound')?.count).toBe(count((c) => c.status === 'completed' && c.type === 'telephony_inbound'))
    expect(f.agents[0]!.label).toMatch(/Delivery|Booking|Support/)
  })
})

describe('query parsing', () => {
  it('refuses unknown keys and bad values with the field named', () => {
    const r = callQuerySchema.safeParse({ status: ['completed'] })
    expect(r.success).toBe(false)
    expect(JSON.stringify(r.error?.issues)).toContain('status')
    expect(callQuerySchema.safeParse({ limit: 100000 }).success).toBe(false)
    expect(callQuerySchema.safeParse({ createdFrom: 'yesterday' }).success).toBe(false)
    expect(callQuerySchema.safeParse({ statuses: ['completed'], sortBy: 'cost' }).success).toBe(true)
  })
})

describe('facet counts while the reviewer keeps typing', () => {
  it('gives the same counts yielding between dimensions, and a list query asked meanwhile is answered first', async () => {
    const q: CallQuery = { statuses: ['completed'] }
    const order: string[] = []
    const facets = store.query.facetsYielding(q).then((f) => (order.push('facets'), f))
    await new Promise((resolve) => setImmediate(resolve))
    order.push('list')
    store.query.list(q)
    expect(await facets).toEqual(store.query.facets(q))
    expect(order).toEqual(['list', 'facets'])
  })

  it('stops counts that newer filters replaced: only the newest request is finished', async () => {
    const facetsOf = callsHandlers(store, () => null)['calls:facets']
    const stale = facetsOf({ statuses: ['completed'] })
    const newest = facetsOf({ statuses: ['failed'] })
    await expect(stale).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(await newest).toEqual(store.query.facets({ statuses: ['failed'] }))
  })
})
