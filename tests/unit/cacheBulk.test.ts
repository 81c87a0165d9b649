// The cache's bulk-write settings and the write path's batch shortcuts: a backfill's commits that do
// not wait for the disk (and what is restored after), calls without any words kept out of the
// full-text index, and details looked up and marked fetched a batch at a time.
import { existsSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { bulkWrites } from '../../src/main/store/db'
import { deferSortIndexes, SORT_ONLY } from '../../src/main/store/deferredIndexes'
import { openStore, type Store } from '../../src/main/store/store'
import { makeCall, makeDetail, rawOf } from '../support/calls'
import { detailStates } from '../support/detailStates'
import { tempDataDirs } from '../support/tempDir'

const data = tempDataDirs()
const paths = data.next
afterEach(data.cleanup)

const ids = (store: Store, text: string) => store.query.list({ text }).rows.map((r) => r.id)
const textRows = (store: Store) => store.cache.prepare('SELECT COUNT(*) FROM call_text_docsize').pluck().get()
/** FTS5's automerge setting (4, its default, when never set). */
const automergeOf = (store: Store) => store.cache.prepare("SELECT v FROM call_text_config WHERE k = 'automerge'").pluck().get() ?? 4

describe('cache bulk writes', () => {
  it('turn off waiting for the disk until the last overlapping backfill ends, then restore it', () => {
    const store = openStore(paths())
    const sync = () => store.cache.pragma('synchronous', { simple: true })
    const cacheSize = () => store.cache.pragma('cache_size', { simple: true })
    const automerge = () => automergeOf(store)
    const normal = { sync: sync(), cache: cacheSize(), automerge: automerge() }
    expect(normal).toEqual({ sync: 1, cache: -65536, automerge: 4 }) // NORMAL, 64 MB, FTS5's default merging
    const endList = bulkWrites(store.cache)
    const endDetails = bulkWrites(store.cache)
    expect(sync()).toBe(0) // OFF
    expect(cacheSize()).toBeLessThan(normal.cache as number) // negative KiB: larger
    expect(automerge()).toBe(0) // full-text segments merged only when they pile up
    endList()
    endList() // a second call changes nothing
    expect(sync()).toBe(0)
    const call = makeCall(1)
    store.calls.upsertSummaries([call], [rawOf(call)])
    endDetails()
    expect({ sync: sync(), cache: cacheSize(), automerge: automerge() }).toEqual(normal)
    expect(store.query.count()).toBe(1)
    // The workspace is never touched by it.
    expect(store.workspace.pragma('synchronous', { simple: true })).toBe(1)
    store.close()
  })

  it('leave a marker while they run, and a cache opened with it is checked and kept when sound', () => {
    const where = paths()
    const marker = `${where.cacheDb}-bulk`
    let store = openStore(where)
    const end = bulkWrites(store.cache)
    expect(existsSync(marker)).toBe(true)
    const call = makeCall(6)
    store.calls.upsertSummaries([call], [rawOf(call)])
    // Closed without ending, as when the process dies mid-backfill.
    store.close()
    expect(existsSync(marker)).toBe(true)
    store = openStore(where)
    expect(existsSync(marker)).toBe(false)
    expect(store.query.count()).toBe(1)
    // The full-text index merges as it goes again (the setting is stored in the index).
    expect(automergeOf(store)).toBe(4)
    end() // the old connection is closed: nothing to do
    const again = bulkWrites(store.cache)
    again()
    expect(existsSync(marker)).toBe(false)
    store.close()
  })

  it('gives a new cache 16 KB pages and leaves the workspace at the default', () => {
    const store = openStore(paths())
    expect(store.cache.pragma('page_size', { simple: true })).toBe(16384)
    expect(store.workspace.pragma('page_size', { simple: true })).toBe(4096)
    store.close()
  })
})

describe('sort-only indexes during a backfill', () => {
  const sortOnly = [...SORT_ONLY].sort()
  const present = (store: Store) =>
    store.cache.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name IN (SELECT value FROM json_each(?)) ORDER BY name`).pluck().all(JSON.stringify(SORT_ONLY))
  // Each order whose index is deferred: the first rows of each, in that order.
  const firstRowsOfEachOrder = (store: Store) =>
    (['duration', 'cost', 'latency', 'updatedAt', 'agent'] as const).map((sortBy) => store.query.list({ sortBy, sortOrder: 'desc', limit: 5 }).rows.map((r) => r.id))
  const fill = (store: Store, from: number, n: number) => {
    const calls = Array.from({ length: n }, (_, i) => makeCall(from + i))
    store.calls.upsertSummaries(calls, calls.map(rawOf))
  }

  it('are dropped while it runs (lists sorted by them stay right) and built again when it ends', () => {
    const store = openStore(paths())
    fill(store, 0, 40)
    const before = firstRowsOfEachOrder(store)
    const end = deferSortIndexes(store.cache)
    const nested = deferSortIndexes(store.cache)
    expect(present(store)).toEqual([])
    expect(firstRowsOfEachOrder(store)).toEqual(before)
    fill(store, 40, 40)
    const during = firstRowsOfEachOrder(store)
    nested()
    expect(present(store)).toEqual([])
    end()
    expect(present(store)).toEqual(sortOnly)
    expect(firstRowsOfEachOrder(store)).toEqual(during)
    // The planner uses the rebuilt index again: no sort step for this order.
    const plan = store.cache.prepare('EXPLAIN QUERY PLAN SELECT id FROM calls ORDER BY duration_s DESC, id DESC LIMIT 5').all() as { detail: string }[]
    expect(plan.map((p) => p.detail).join(' ')).toContain('calls_duration')
    store.close()
  })

  it('are built at the next open when the backfill never ended (crash, kill -9)', () => {
    const where = paths()
    let store = openStore(where)
    fill(store, 0, 30)
    deferSortIndexes(store.cache)
    fill(store, 30, 30)
    store.close()
    store = openStore(where)
    expect(present(store)).toEqual(sortOnly)
    expect(store.query.count()).toBe(60)
    expect(store.syncState.get('store.deferredIndexes')).toBeNull()
    store.close()
  })
})

describe('full-text rows of calls without words', () => {
  it('are not written, and appear and disappear as the call gains and loses words', () => {
    const store = openStore(paths())
    const silent = makeCall(2, { summary: null, status: 'no_answer' })
    const spoken = makeCall(3)
    store.calls.upsertSummaries([silent, spoken], [silent, spoken].map(rawOf))
    expect(textRows(store)).toBe(1)
    // A detail with a transcript makes the silent call searchable.
    store.calls.saveDetails([{ call: makeDetail(silent, ['Is the plumber coming today?']), raw: {} }])
    expect(ids(store, 'plumber')).toEqual([silent.id])
    // Changed to no words at all, it is no longer found, and written again it is found once.
    store.calls.saveDetails([{ call: makeDetail(silent, []), raw: {} }])
    expect(ids(store, 'plumber')).toEqual([])
    store.calls.saveDetails([{ call: makeDetail(silent, ['The plumber came.']), raw: {} }])
    expect(store.query.list({ text: 'plumber' }).total).toBe(1)
    store.close()
  })
})

describe('detail batches', () => {
  it('create calls the list has not given yet, mark every call fetched and store a repeated call once', () => {
    const store = openStore(paths())
    const listed = makeCall(4)
    const unlisted = makeCall(5)
    store.calls.upsertSummaries([listed], [rawOf(listed)])
    store.calls.saveDetails([
      { call: makeDetail(listed, ['A question about the invoice.']), raw: {} },
      { call: makeDetail(unlisted, ['A first answer.']), raw: {} },
      { call: makeDetail(unlisted, ['A second answer.']), raw: {} },
    ])
    expect(store.query.count()).toBe(2)
    expect(detailStates(store).map(({ id, state }) => ({ id, state }))).toEqual([
      { id: listed.id, state: 'fetched' },
      { id: unlisted.id, state: 'fetched' },
    ])
    expect(ids(store, 'invoice')).toEqual([listed.id])
    expect(ids(store, 'second')).toEqual([unlisted.id])
    expect(ids(store, 'first')).toEqual([])
    const got = store.query.get(unlisted.id)!
    expect((got.call as { transcript: { text: string }[] }).transcript.map((t) => t.text)).toEqual(['A second answer.'])
    store.close()
  })
})
