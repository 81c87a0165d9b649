// Ingest: N calls with transcripts written into a real cache file. The list phase writes 500-call
// pages, one transaction each, as a list backfill does. The detail phase writes 500 details per
// transaction: what the cache can absorb. Sync itself stores each detail as its request returns
// (at most ~10 a second under the rate limit), so there the network, not the cache, sets the pace.
import { rmSync } from 'node:fs'
import { bulkWrites } from '../../src/main/store/db'
import { deferSortIndexes } from '../../src/main/store/deferredIndexes'
import { dataPaths } from '../../src/main/paths'
import { openStore, type Store } from '../../src/main/store/store'
import { benchCall } from '../fixtures'
import { round } from '../stats'

const BATCH = 500

export function benchIngest(store: Store, calls: number) {
  let listMs = 0
  let detailMs = 0
  let t: number
  // As a backfill writes (listSync.backfill, DetailQueue.run): commits that do not wait for the
  // disk, and the sort-only indexes built at the end.
  const endBulk = bulkWrites(store.cache)
  const endDeferral = deferSortIndexes(store.cache)
  for (let start = 0; start < calls; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, calls - start) }, (_, i) => benchCall(start + i))
    // What the list endpoint gives: summaries (no transcript), and the raw items they came from.
    const items = batch.map(({ transcript: _t, events: _e, variables: _v, agent: _a, voice: _vo, slmModel: _m, ...summary }) => summary)
    const raws = batch.map((c) => ({ callId: c.id, status: c.status, updatedAt: c.updatedAt }))
    t = performance.now()
    store.calls.upsertSummaries(items, raws)
    listMs += performance.now() - t
    t = performance.now()
    store.calls.saveDetails(batch.map((call) => ({ call, raw: { callId: call.id } })))
    detailMs += performance.now() - t
  }
  // Its end (the sort-only indexes built, back to synchronous = NORMAL and a checkpoint that
  // flushes everything) counts too.
  t = performance.now()
  endDeferral()
  endBulk()
  const endMs = performance.now() - t
  // What the sync engine does after every run: refresh the planner's statistics.
  store.cache.pragma('optimize')
  return {
    ingest_calls_per_s: round((calls / (listMs + detailMs + endMs)) * 1000, 0),
    ingest_list_calls_per_s: round((calls / listMs) * 1000, 0),
    ingest_detail_calls_per_s: round((calls / detailMs) * 1000, 0),
  }
}

/**
 * Ingest runs `runs` times, each into a fresh cache, and the median run is reported with every
 * run's rate beside it (of an even number, the slower of the middle two). Of all the figures it is
 * the one this machine's drift moves most: single runs within one hour ranged from 13k to 23k
 * calls/s with nothing changed. `first` stays open (the caller queries it); the other runs use
 * data folders `folder` names, deleted when their run ends.
 */
export function medianIngest(calls: number, runs: number, first: Store, folder: (run: number) => string) {
  const results = [benchIngest(first, calls)]
  for (let run = 1; run < runs; run++) {
    const dir = folder(run)
    const store = openStore(dataPaths(dir))
    try {
      results.push(benchIngest(store, calls))
    } finally {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  const median = [...results].sort((a, b) => a.ingest_calls_per_s - b.ingest_calls_per_s)[Math.floor((results.length - 1) / 2)]!
  return { ...median, ingest_runs_calls_per_s: results.map((r) => r.ingest_calls_per_s) }
}
