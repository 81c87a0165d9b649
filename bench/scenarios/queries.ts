// Query speed on the filled cache: typical list filters and sorts, and full-text searches.
import type { CallQuery } from '@shared/query'
import type { Store } from '../../src/main/store/store'
import { benchCall } from '../fixtures'
import { percentile } from '../stats'

export function listQueries(calls: number): CallQuery[] {
  const mid = benchCall(Math.floor(calls / 2))
  const late = benchCall(Math.floor(calls * 0.9))
  return [
    {},
    { statuses: ['completed'] },
    { statuses: ['failed', 'no_answer'], sortBy: 'duration', sortOrder: 'desc' },
    { agentIds: [mid.agentId!], createdFrom: mid.createdAt, createdTo: late.createdAt },
    { types: ['telephony_inbound'], durationMin: 60, sortBy: 'cost' },
    { costMin: 1, costMax: 2, sortBy: 'latency', sortOrder: 'desc' },
    { latencyMin: 1500, statuses: ['completed'] },
    { dispositions: [{ identifier: 'call_resolved', values: ['unresolved'] }] },
    { hasRecording: true, isTest: false, sortBy: 'agent', sortOrder: 'asc' },
    { offset: Math.floor(calls * 0.8), limit: 100 },
  ]
}

export function textQueries(calls: number): string[] {
  const c = benchCall(Math.floor(calls / 3))
  return ['refund', 'damaged package', 'neighbour', 'invoice', 'appoint', 'payment plan', c.id.slice(5, 18), c.from.slice(4, 11), 'thursday afternoon', 'remove']
}

function measure(store: Store, queries: CallQuery[], rounds: number): number[] {
  const samples: number[] = []
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const t = performance.now()
      store.query.list({ limit: 100, ...q })
      samples.push(performance.now() - t)
    }
  }
  return samples
}

export function benchQueries(store: Store, calls: number) {
  measure(store, listQueries(calls), 1) // warm the page cache and prepared statements
  const list = measure(store, listQueries(calls), 10)
  const fts = measure(store, textQueries(calls).map((text) => ({ text })), 10)
  return {
    list_query_p50_ms: percentile(list, 50),
    list_query_p95_ms: percentile(list, 95),
    fts_p50_ms: percentile(fts, 50),
    fts_p95_ms: percentile(fts, 95),
  }
}
