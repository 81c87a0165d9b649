// The sync engine against the emulator over real HTTP: a complete and current cache, nothing
// lost or duplicated under every fault the emulator injects, and the same answers as the API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { AtomsClient } from '../../src/main/atoms/client'
import { dataPaths } from '../../src/main/paths'
import { openStore, type Store } from '../../src/main/store/store'
import { SyncEngine } from '../../src/main/sync/syncEngine'
import { startEmulator, type Emulator } from '../../src/emulator/server'
import { detailStates } from '../support/detailStates'
import { fixtureServer, json } from '../support/httpFixture'
import { tempDir } from '../support/tempDir'
import type { CallQuery } from '@shared/query'
import { FINISHED_STATUSES, type CallDetail } from '@shared/domain'

const KEY = 'sk_test_earmark'
const open: { store: Store; cleanup: () => void }[] = []


function freshStore(): Store {
  const dir = tempDir()
  const store = openStore(dataPaths(dir.path))
  open.push({ store, cleanup: dir.cleanup })
  return store
}
afterEach(() => open.splice(0).forEach((o) => (o.store.close(), o.cleanup())))

const client = (emu: Emulator, over: Partial<ConstructorParameters<typeof AtomsClient>[0]> = {}) =>
  new AtomsClient({ apiKey: KEY, baseUrl: emu.url, requestsPerSecond: 1000, ...over })

/** Finished calls whose current detail is not stored. */
const withoutDetail = (store: Store) =>
  detailStates(store).filter((c) => c.state !== 'fetched' && FINISHED_STATUSES.includes(c.status)).length

const cachedIds = (store: Store) => (store.cache.prepare('SELECT id FROM calls ORDER BY id').all() as { id: string }[]).map((r) => r.id)

describe('sync against the emulator', () => {
  let emu: Emulator
  beforeAll(async () => {
    emu = await startEmulator({ calls: 1200, seed: 7 })
  })
  afterAll(async () => emu.close())

  it('backfills every call of the organisation once, with details, then stays current cheaply', async () => {
    const store = freshStore()
    const engine = new SyncEngine(client(emu), store)
    const phases = new Set<string>()
    engine.onProgress((p) => p.phase && phases.add(p.phase))
    const first = await engine.run({ details: 'all' })
    expect(cachedIds(store)).toEqual([...emu.callIds('A')].sort())
    expect(first.inserted).toBe(emu.callIds('A').length)
    expect(first.details).toBeGreaterThan(0)
    expect([...phases]).toEqual(expect.arrayContaining(['list', 'details']))
    expect(withoutDetail(store)).toBe(0)

    // Only the top of the list is read again: calls that finished meanwhile, then one unchanged page.
    const second = await engine.run({ details: 'all' })
    expect(second.inserted).toBe(0)
    expect(second.listed).toBeLessThan(first.listed)
    expect(engine.status().lastSyncMs).not.toBeNull()
    // A call changed since its detail was fetched gets it again in the next run.
    const changed = store.cache.prepare("SELECT id FROM calls WHERE status = 'completed' LIMIT 1").pluck().get() as string
    store.cache.prepare("UPDATE calls SET list_hash = 'changed', synced_ms = ? WHERE id = ?").run(Date.now(), changed)
    expect(withoutDetail(store)).toBe(1)
    expect((await engine.run({ details: 'all' })).details).toBeGreaterThanOrEqual(1)
    expect(withoutDetail(store)).toBe(0)
  })

  it('finds words from synced transcripts and agrees with the API on filter counts', async () => {
    const store = freshStore()
    await new SyncEngine(client(emu), store).run({ details: 'all' })
    const callId = store.cache.prepare('SELECT c.id FROM call_details d JOIN calls c ON c.rowid = d.call_rowid WHERE d.turn_count > 2 LIMIT 1').pluck().get() as string
    const { transcript } = store.query.get(callId)!.call as CallDetail
    const word = transcript.map((t) => t.text).join(' ').match(/[A-Za-z]{7,}/)![0]
    // Every match, not only the first page: a common word matches more calls than a page holds.
    expect(store.query.list({ text: word, limit: store.query.count() }).rows.map((r) => r.id)).toContain(callId)

    for (const [param, query] of [
      ['statusFilter=completed', { statuses: ['completed'] }],
      ['callTypes=telephony_inbound', { types: ['telephony_inbound'] }],
      ['disconnectReasonFilter=user_hangup,agent_hangup', { reasons: ['user_hangup', 'agent_hangup'] }],
    ] as [string, CallQuery][]) {
      const res = await fetch(`${emu.url}/conversation?limit=1&callAttemptFilter=all&${param}`, { headers: { authorization: `Bearer ${KEY}` } })
      const body = (await res.json()) as { data: { pagination: { total: number } } }
      expect(store.query.list({ ...query, limit: 1 }).total, param).toBe(body.data.pagination.total)
    }
  })

  it('can be cancelled, keeps what it stored, and the next run completes it', async () => {
    const store = freshStore()
    const engine = new SyncEngine(client(emu, { requestsPerSecond: 200 }), store)
    const stop = engine.onProgress((p) => {
      if (p.phase === 'details' && p.done >= 3) engine.cancel()
    })
    await expect(engine.run({ details: 'all' })).rejects.toMatchObject({ code: 'CANCELLED' })
    stop()
    expect(engine.status().error?.code).toBe('CANCELLED')
    expect(cachedIds(store)).toHaveLength(emu.callIds('A').length)
    expect(withoutDetail(store)).toBeGreaterThan(0)
    await engine.run({ details: 'all' })
    expect(cachedIds(store)).toEqual([...emu.callIds('A')].sort())
    // The transcripts the cancelled run did not reach are fetched by the next one.
    expect(withoutDetail(store)).toBe(0)
  })
})

describe('sync under faults', () => {
  it.each(['429:0.2', '500:0.15', 'reset:0.1', 'malformed:0.1', 'slow:0.05'])('recovers from %s with nothing lost or duplicated', async (faults) => {
    const emu = await startEmulator({ calls: 200, seed: 3, faults })
    try {
      const store = freshStore()
      const retries: string[] = []
      const c = client(emu, { timeoutMs: 1000, baseDelayMs: 5, maxRetries: 8, onRetry: (r) => retries.push(r.reason) })
      const summary = await new SyncEngine(c, store).run({ details: 'all' })
      expect(cachedIds(store)).toEqual([...emu.callIds('A')].sort())
      expect(summary.detailFailures).toBe(0)
      expect(retries.length, 'the fault was never hit').toBeGreaterThan(0)
    } finally {
      await emu.close()
    }
  })

  it('gives a transcript that failed once more try at the end of the run, and marks only what fails twice', async () => {
    const emu = await startEmulator({ calls: 60, seed: 5 })
    const tries = new Map<string, number>()
    // Between Earmark and the emulator: the first request for each transcript fails with a 500;
    // two calls' transcripts fail every time.
    const proxy = await fixtureServer((req, res) => {
      const id = /\/conversation\/(CALL-[^/?]+)$/.exec(req.url.split('?')[0]!)?.[1]
      const n = id ? (tries.get(id) ?? 0) + 1 : 0
      if (id) tries.set(id, n)
      if (id && (n === 1 || broken.includes(id))) return json(res, 500, { status: false, errors: ['Internal server error'] })
      void fetch(`${emu.url.replace('/atoms/v1', '')}${req.url}`, { method: req.method, headers: { authorization: String(req.headers.authorization) }, body: req.method === 'POST' ? req.body : undefined })
        .then(async (r) => res.writeHead(r.status, { 'content-type': 'application/json' }).end(await r.text()))
    })
    const broken: string[] = []
    try {
      const store = freshStore()
      const engine = new SyncEngine(new AtomsClient({ apiKey: KEY, baseUrl: proxy.url, requestsPerSecond: 1000, maxRetries: 0 }), store)
      await engine.run({ details: 'none' })
      broken.push(...(store.cache.prepare("SELECT id FROM calls WHERE status = 'completed' ORDER BY id LIMIT 2").pluck().all() as string[]))
      const summary = await engine.run({ details: 'all' })
      expect(summary.detailFailures).toBe(2)
      const failed = detailStates(store).filter((c) => c.state === 'failed').map((c) => c.id)
      expect(failed).toEqual(broken)
      expect(summary.details).toBeGreaterThan(10)
      expect([...tries.values()].every((n) => n === 2)).toBe(true)
    } finally {
      await proxy.close()
      await emu.close()
    }
  })

  it('stops with a clear error on a bad key and stores nothing', async () => {
    const emu = await startEmulator({ calls: 50, seed: 1 })
    try {
      const store = freshStore()
      const engine = new SyncEngine(new AtomsClient({ apiKey: 'sk_wrong_key_123', baseUrl: emu.url }), store)
      await expect(engine.run()).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
      expect(engine.status().error?.message).toMatch(/API key/)
      expect(cachedIds(store)).toEqual([])
    } finally {
      await emu.close()
    }
  })
})
