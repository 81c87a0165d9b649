// Network scenarios against the emulator on 127.0.0.1:
// - list sync of N calls at a rate limit, against the floor that limit implies (requests / rate);
// - the platform docs' way to answer a date-range question (page through GET /conversation and
//   filter createdAt client-side) against the same question asked of the local cache.
import { spawn, type ChildProcess } from 'node:child_process'
import { AtomsClient } from '../../src/main/atoms/client'
import type { Store } from '../../src/main/store/store'
import { SyncEngine } from '../../src/main/sync/syncEngine'
import { PAGE_SIZE } from '../../src/main/sync/listSync'
import { percentile, round } from '../stats'

const KEY = 'sk_test_earmark'

/**
 * The emulator runs as its own process (its first stdout line gives the URL), as the real API
 * would: Earmark's side of the sync must not be charged for the server's work.
 */
async function emulatorProcess(args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d) => {
      out += d
      const line = out.split('\n')[0]!
      if (out.includes('\n')) resolve(line.replace('Atoms emulator listening on ', ''))
    })
    child.once('exit', (code) => reject(new Error(`the emulator exited (${code})`)))
  })
  return { url, child }
}

/** Syncs N calls at the rate limit, then answers one question both ways on the same data. */
export async function benchNetwork(store: Store, calls: number, rate: number) {
  const startT = performance.now()
  const emu = await emulatorProcess(['--port', '0', '--calls', String(calls), '--seed', '9', '--api-key', KEY, '--rate-limit', String(rate)])
  const emulatorStartMs = performance.now() - startT
  try {
    const client = new AtomsClient({ apiKey: KEY, baseUrl: emu.url, requestsPerSecond: rate })
    const all = (await client.listCalls({ limit: 1, callAttempts: ['all'] })).total
    const t = performance.now()
    const summary = await new SyncEngine(client, store).run({ details: 'none' })
    const elapsed = performance.now() - t
    // Backfill pages plus the one page of the incremental check that always follows.
    const minimalRequests = Math.ceil(all / PAGE_SIZE) + 1
    const floorMs = (minimalRequests / rate) * 1000
    return {
      emulator_start_ms: round(emulatorStartMs, 0), // process start + tsx + generating N calls
      sync_calls: summary.listed,
      sync_rate_limit_rps: rate,
      sync_ms: round(elapsed, 0),
      sync_floor_ms: round(floorMs, 0),
      sync_vs_floor_ratio: round(elapsed / floorMs, 3),
      ...(await baseline(client, store)),
    }
  } finally {
    emu.child.kill('SIGTERM')
  }
}

/** "Completed calls created in this window": paged from the API and filtered client-side, as the
 *  platform docs suggest, against the same question asked of the local cache. */
async function baseline(client: AtomsClient, store: Store) {
  const total = store.query.count()
  const at = (fraction: number) => store.query.list({ sortBy: 'createdAt', sortOrder: 'asc', limit: 1, offset: Math.floor(total * fraction) }).rows[0]!.createdAt
  const from = at(0.4)
  const to = at(0.45)
  const t = performance.now()
  let apiMatches = 0
  for (let page = 1; ; page++) {
    const res = await client.listCalls({ page, limit: PAGE_SIZE, statuses: ['completed'], callAttempts: ['all'] })
    apiMatches += res.calls.filter((c) => c.createdAt >= from && c.createdAt <= to).length
    if (!res.hasMore) break
  }
  const baselineMs = performance.now() - t
  const local: number[] = []
  let localMatches = 0
  for (let i = 0; i < 20; i++) {
    const s = performance.now()
    localMatches = store.query.list({ statuses: ['completed'], createdFrom: from, createdTo: to, limit: 100 }).total
    local.push(performance.now() - s)
  }
  const localMs = percentile(local, 50)
  return {
    baseline_ms: round(baselineMs, 0),
    baseline_local_ms: localMs,
    baseline_speedup_ratio: round(baselineMs / localMs, 0),
    baseline_api_matches: apiMatches,
    baseline_local_matches: localMatches,
  }
}
