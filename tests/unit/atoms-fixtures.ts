// Test helpers of the Atoms client: a real HTTP server on 127.0.0.1 whose answers each test
// scripts request by request (closed after each test), a client wired to it with instant
// (recorded) waits, and the old payload shapes the client must still read (atoms-api.md §13).
import { afterEach } from 'vitest'
import { AtomsClient, type AtomsClientOptions } from '../../src/main/atoms/client'
import { fixtureServer as openServer, type Script } from '../support/httpFixture'

export { json, type Script, type Seen } from '../support/httpFixture'

export const KEY = 'sk_live_earmark_secret_0123456789'

export type FixtureServer = Awaited<ReturnType<typeof openServer>>

const open: FixtureServer[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

/** A scripted server on 127.0.0.1 (tests/support/httpFixture), closed after the current test. */
export async function fixtureServer(script: Script): Promise<FixtureServer> {
  const server = await openServer(script)
  open.push(server)
  return server
}

export const ok = (data: unknown) => ({ status: true, data })

export type RetryRecord = { attempt: number; delayMs: number; reason: string }

/**
 * A client for `script` whose waits are instant: every backoff and Retry-After wait is recorded
 * through onRetry instead of being spent, so tests assert on the delays asked, not on the clock.
 */
export async function setup(script: Script, over: Partial<AtomsClientOptions> = {}) {
  const server = await fixtureServer(script)
  const retries: RetryRecord[] = []
  const client = new AtomsClient({
    apiKey: KEY,
    baseUrl: server.url,
    requestsPerSecond: 1000,
    baseDelayMs: 500,
    sleep: () => Promise.resolve(),
    onRetry: (r) => retries.push(r),
    ...over,
  })
  return { server, client, retries }
}

/** Query parameters of request number `n` (0-based) as a plain object. */
export const queryOf = (server: FixtureServer, n = 0) => Object.fromEntries(new URL(server.seen[n]!.url, server.origin).searchParams)

/** A list item of the pre-2026-05 spec: chat type, busy status, agentName, average_* latencies. */
export const LEGACY_ITEM = {
  _id: 'CALL-1700000000000-0a0b0c',
  callId: 'CALL-1700000000000-0a0b0c',
  status: 'busy',
  type: 'chat',
  duration: '12.5',
  from: '',
  to: null,
  agentId: '6774f1a2b3c4d5e6f7a8b9c0',
  agentName: 'Old Agent',
  createdAt: 1700000000000,
  recordingUrl: null,
  average_transcriber_latency: 0.75,
  average_agent_latency: 1.2,
  average_synthesizer_latency: 0.9,
  dispositionMetrics: [{ identifier: 'call_resolved', value: true, confidence: '0.8' }, { value: 'no identifier' }],
  postCallAnalytics: { summary: 'Old summary', dispositionMetrics: { call_resolved: 'yes', score: 4 } },
  someFieldFromTheFuture: { nested: [1, 2, 3] },
}

/** A detail of the oldest shape: transcript as plain strings (NODE SDK, AI examples). */
export const LEGACY_DETAIL = {
  ...LEGACY_ITEM,
  transcript: ['Agent: Hello there', 'user:Hi', 'no speaker here', 'Assistant : Bye'],
}

/** A detail of the OAS-MIRROR shape: numeric timestamps (ms from call start), E8's `text` key. */
export const MIRROR_DETAIL = {
  callId: 'CALL-1700000000000-0a0b0c',
  status: 'completed',
  type: 'webcall',
  transcript: [
    { role: 'agent', content: 'Hi', timestamp: 1500 },
    { role: 'user', text: 'Hello', timestamp: '3200' },
    { role: 'tool', content: '{"ok":true}' },
  ],
}
