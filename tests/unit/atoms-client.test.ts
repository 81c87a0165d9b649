// The Atoms client over real HTTP on 127.0.0.1: the documented payloads and the old shapes mapped
// to the domain, every transient fault retried, every permanent one explained, the key never shown.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AtomsClient, type AtomsClientOptions } from '../../src/main/atoms/client'
import { setLogSink } from '../../src/main/log'
import { DETAIL_EXAMPLE, LIST_EXAMPLE } from '../support/atomsExamples'
import { fixtureServer, json, type Script } from '../support/httpFixture'
import { tempDir } from '../support/tempDir'

const KEY = 'sk_live_secret_0123456789'
const servers: { close: () => Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})

async function setup(script: Script, over: Partial<AtomsClientOptions> = {}) {
  const server = await fixtureServer(script)
  servers.push(server)
  const retries: { attempt: number; delayMs: number; reason: string }[] = []
  const client = new AtomsClient({ apiKey: KEY, baseUrl: server.url, requestsPerSecond: 1000, baseDelayMs: 5, maxDelayMs: 20, onRetry: (r) => retries.push(r), ...over })
  return { server, client, retries }
}

describe('payloads', () => {
  it('maps the documented list example and sends every filter as CSV', async () => {
    const { server, client } = await setup((_r, res) => json(res, 200, LIST_EXAMPLE))
    const page = await client.listCalls({
      page: 2, limit: 900, agentIds: ['a1', 'a2'], statuses: ['completed', 'no_answer'], callTypes: ['webcall'],
      disconnectReasons: ['user_hangup'], callAttempts: ['all'], durations: ['0-30', '5+'], sortBy: 'callDuration', sortOrder: 'asc',
      dateFrom: '2026-01-01T00:00:00Z', search: '+1415', campaignIds: ['c1'], versionIds: ['v1'],
    })
    const q = new URL(server.seen[0]!.url, 'http://x').searchParams
    expect(Object.fromEntries(q)).toEqual({
      page: '2', limit: '500', agentIds: 'a1,a2', statusFilter: 'completed,no_answer', callTypes: 'webcall', disconnectReasonFilter: 'user_hangup',
      callAttemptFilter: 'all', durationFilter: '0-30,5+', sortBy: 'callDuration', sortOrder: 'asc', dateFrom: '2026-01-01T00:00:00Z',
      search: '+1415', campaignIds: 'c1', versionFilter: 'v1',
    })
    expect(server.seen[0]!.headers.authorization).toBe(`Bearer ${KEY}`)
    expect(page).toMatchObject({ total: 37, page: 1, limit: 2, hasMore: true, totalPages: 19, issues: [] })
    const [a, b] = page.calls
    expect(a).toMatchObject({ id: 'CALL-1767268800123-9f3a2c', durationS: 94.6, costCredits: 1.42, dispositions: { call_resolved: 'resolved', customer_name: 'Priya' }, summary: expect.stringContaining('delivery address') })
    expect(a!.dispositionResults[0]).toEqual({ identifier: 'call_resolved', value: 'resolved', confidence: 0.95, reasoning: null })
    expect(a!.latency).toMatchObject({ avgMs: 812, perTurnMs: [1104, 790, 610, 802, 775, 791] })
    expect(b).toMatchObject({ recordingUrl: null, recordingDualUrl: null, retryCallId: 'CALL-1767269900789-c40d11', latency: null })
    expect(page.raw[0]).toEqual(LIST_EXAMPLE.data.logs[0])
  })

  it('skips an unreadable item, names it and its field, and keeps the rest of the page', async () => {
    const logs = [LIST_EXAMPLE.data.logs[0], { callId: 'CALL-1767269000456-bad000', status: 7, createdAt: '2026-01-01T00:00:00Z' }, { status: 'completed' }]
    const { client } = await setup((_r, res) => json(res, 200, { status: true, data: { logs, pagination: { total: 3, page: 1, limit: 5, hasMore: false } } }))
    const page = await client.listCalls({})
    expect(page.calls.map((c) => c.id)).toEqual(['CALL-1767268800123-9f3a2c'])
    expect(page.issues).toEqual([
      { callId: 'CALL-1767269000456-bad000', field: 'status', message: expect.any(String) },
      { callId: null, field: 'callId', message: expect.any(String) },
    ])
    expect(page.totalPages).toBe(1)
  })

  it('maps the documented detail example', async () => {
    const { client } = await setup((_r, res) => json(res, 200, DETAIL_EXAMPLE))
    const { call } = await client.getCall('CALL-1767268800123-9f3a2c')
    expect(call.transcript[1]).toEqual({ index: 1, role: 'user', text: 'Yes, speaking.', at: '2026-01-01T12:00:07.935Z', offsetMs: null })
    expect(call.latency?.transitions[0]).toEqual({ turn: 1, userEndMs: 1767268807936, botStartMs: 1767268809040, latencyMs: 1104 })
    expect(call.dispositionResults[0]?.reasoning).toBe('The customer accepted the new slot.')
    expect(call).toMatchObject({ agentId: '6774f1a2b3c4d5e6f7a8b9c0', agentName: 'Delivery Reschedule Agent', slmModel: 'electron', voice: { voiceId: 'nyah' } })
    // The detail has no createdAt: it falls back to the time inside the call id.
    expect(call.createdAt).toBe(new Date(1767268800123).toISOString())
    expect(call.events).toHaveLength(1)
  })

  it('accepts the old shapes: string transcripts, numeric timestamps, average_* latencies, chat, disposition maps', async () => {
    const old = {
      callId: 'CALL-1767268800123-9f3a2c', status: 'busy', type: 'chat', createdAt: 1767268800123, duration: '12.5',
      transcript: ['Agent: Hello there', 'User: Hi', 'no prefix here'],
      average_transcriber_latency: 0.75, average_agent_latency: 1.2, average_synthesizer_latency: 0.9,
      postCallAnalytics: { summary: 'x', dispositionMetrics: { call_resolved: 'resolved', score: 4 } },
    }
    const { client } = await setup((req, res) => json(res, 200, { status: true, data: req.url.includes('numeric') ? { ...old, transcript: [{ role: 'agent', content: 'Hi', timestamp: 1500 }] } : old }))
    const { call } = await client.getCall('CALL-1767268800123-9f3a2c')
    expect(call.transcript.map((t) => [t.role, t.text])).toEqual([['agent', 'Hello there'], ['user', 'Hi'], ['unknown', 'no prefix here']])
    expect(call).toMatchObject({ status: 'busy', type: 'chat', durationS: 12.5, createdAt: new Date(1767268800123).toISOString() })
    expect(call.latency?.legacy).toEqual({ transcriber: 0.75, agent: 1.2, synthesizer: 0.9 })
    expect(call.dispositions).toEqual({ call_resolved: 'resolved', score: '4' })
    const numeric = await client.getCall('numeric')
    expect(numeric.call.transcript[0]).toMatchObject({ offsetMs: 1500, at: null })
  })

  it('explains a detail it cannot read, naming the call and the field', async () => {
    const { client } = await setup((_r, res) => json(res, 200, { status: true, data: { callId: 'CALL-1767268800123-9f3a2c', status: 'completed', transcript: 'not a list' } }))
    await expect(client.getCall('CALL-1767268800123-9f3a2c')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/CALL-1767268800123-9f3a2c.*transcript/) })
  })

  it('splits a search of 250 ids into 3 requests and keeps the order asked for', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `CALL-1767268800${String(i).padStart(3, '0')}-aaaaaa`)
    const { server, client } = await setup((req, res) => {
      const asked = (JSON.parse(req.body) as { callIds: string[] }).callIds
      const found = asked.filter((_, i) => i % 10 !== 3).reverse()
      json(res, 200, { status: true, data: { logs: found.map((callId) => ({ callId, status: 'completed', createdAt: '2026-01-01T00:00:00Z' })), total: found.length, requestedCount: asked.length } })
    })
    const result = await client.searchCalls([...ids, ids[0]!])
    expect(server.seen.map((s) => (JSON.parse(s.body) as { callIds: string[] }).callIds.length)).toEqual([100, 100, 50])
    expect(result.calls.map((c) => c.id)).toEqual(ids.filter((_, i) => i % 100 % 10 !== 3))
    expect(result.missing).toHaveLength(25)
    expect(await client.searchCalls([])).toMatchObject({ calls: [], requested: 0 })
    expect(server.seen).toHaveLength(3)
  })
})

const ok = (res: Parameters<Script>[1]) => json(res, 200, LIST_EXAMPLE)

describe('resilience', () => {
  it.each([
    ['429 in the RL shape', (res: Parameters<Script>[1]) => json(res, 429, { status: false, error: 'Rate limit exceeded', code: 'RATE_LIMIT_EXCEEDED', retry_after: 0.2 }), 200],
    ['429 in the OAS shape', (res: Parameters<Script>[1]) => json(res, 429, { message: 'Rate limit exceeded', rateLimit: { routeClass: 'x', limit: 10, retryAfterSec: 0.3 } }), 300],
    ['429 with Retry-After seconds', (res: Parameters<Script>[1]) => json(res, 429, { status: false, errors: ['slow down'] }, { 'retry-after': '1' }), 1000],
    ['429 with retry-after-ms', (res: Parameters<Script>[1]) => json(res, 429, {}, { 'retry-after-ms': '150' }), 150],
  ])('waits as asked after a %s, then succeeds', async (_name, fail, askedMs) => {
    const { client, retries, server } = await setup((_r, res, n) => (n === 1 ? fail(res) : ok(res)), { requestsPerSecond: 50 })
    await client.listCalls({})
    expect(server.seen).toHaveLength(2)
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(askedMs)
    expect(retries[0]!.delayMs).toBeLessThan(askedMs + 300)
    expect(client.currentRate()).toBeLessThan(50)
  })

  it('honours a Retry-After given as an HTTP date', async () => {
    const { client, retries } = await setup((_r, res, n) => (n === 1 ? json(res, 429, {}, { 'retry-after': new Date(Date.now() + 2000).toUTCString() }) : ok(res)))
    await client.listCalls({})
    expect(retries[0]!.delayMs).toBeGreaterThan(500)
  })

  it('retries a 429 without any hint using backoff', async () => {
    const { client, retries } = await setup((_r, res, n) => (n === 1 ? json(res, 429, {}) : ok(res)))
    await client.listCalls({})
    expect(retries).toHaveLength(1)
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(5)
  })

  it('fails with RATE_LIMITED rather than hang when told to wait too long', async () => {
    const { client, server } = await setup((_r, res) => json(res, 429, {}, { 'retry-after': '3600' }))
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'RATE_LIMITED' })
    expect(server.seen).toHaveLength(1)
  })

  it.each([
    ['a 500', (res: Parameters<Script>[1]) => json(res, 500, { status: false, errors: ['Internal server error'] })],
    ['a 502', (res: Parameters<Script>[1]) => res.writeHead(502).end('bad gateway')],
    ['a 504 with an HTML body', (res: Parameters<Script>[1]) => res.writeHead(504, { 'content-type': 'text/html' }).end('<h1>504</h1>')],
    ['a 408', (res: Parameters<Script>[1]) => json(res, 408, {})],
    ['a dropped connection', (res: Parameters<Script>[1]) => res.socket?.destroy()],
    ['malformed JSON', (res: Parameters<Script>[1]) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true,"data":{"logs":[')],
    ['a body without data', (res: Parameters<Script>[1]) => json(res, 200, { status: true })],
  ])('recovers from %s', async (_name, fail) => {
    const { client, retries } = await setup((_r, res, n) => (n <= 2 ? fail(res) : ok(res)))
    const page = await client.listCalls({})
    expect(page.calls).toHaveLength(2)
    expect(retries).toHaveLength(2)
  })

  it('gives up on a host that does not answer in time, saying so', async () => {
    const { client, server } = await setup(() => {}, { timeoutMs: 150, maxRetries: 2 })
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'OFFLINE', message: expect.stringMatching(/127\.0\.0\.1.*no answer within/) })
    expect(server.seen).toHaveLength(3)
  })

  it('reports 5xx after the last attempt with the request id', async () => {
    const { client } = await setup((_r, res) => json(res, 503, { status: false, errors: ['down'] }), { maxRetries: 2 })
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'INTERNAL', retryable: true, message: expect.stringMatching(/HTTP 503\) after 3 attempts.*req-123/) })
  })

  it('does not retry a refused key, tells the user to check it, and never shows it', async () => {
    const lines: string[] = []
    setLogSink((l) => lines.push(l), 'debug')
    const { client, server } = await setup((_r, res) => json(res, 401, { status: false, errors: ['Unauthorized: User not found'] }))
    const err = await client.listCalls({}).catch((e: Error) => e)
    expect(err).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/refused the API key. Check the key in Settings/) })
    expect(server.seen).toHaveLength(1)
    expect(JSON.stringify(err) + (err as Error).message + lines.join('\n')).not.toContain(KEY)
    setLogSink(() => {}, 'info')
  })

  it.each([
    [404, 'NOT_FOUND', /Call CALL-1-x was not found.*Conversation not found/],
    [400, 'INVALID_INPUT', /rejected the request \(HTTP 400\): Invalid call ID format/],
    [403, 'FORBIDDEN', /refused access/],
  ])('explains a %i', async (status, code, message) => {
    const { client, server } = await setup((_r, res) => json(res, status, { status: false, errors: [status === 404 ? 'Conversation not found' : status === 400 ? 'Invalid call ID format' : 'Forbidden'] }))
    await expect(client.getCall('CALL-1-x')).rejects.toMatchObject({ code, message: expect.stringMatching(message) })
    expect(server.seen).toHaveLength(1)
  })

  it('stops at once with CANCELLED when aborted during a backoff wait', async () => {
    const { client } = await setup((_r, res) => json(res, 500, {}), { baseDelayMs: 60_000, maxDelayMs: 60_000, random: () => 1 })
    const abort = new AbortController()
    const pending = client.listCalls({}, abort.signal)
    setTimeout(() => abort.abort(), 50)
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' })
  })

  it('stops at once with CANCELLED when aborted during a slow response', async () => {
    const { client } = await setup(() => {}, { timeoutMs: 60_000 })
    const abort = new AbortController()
    const pending = client.getCall('CALL-1767268800123-9f3a2c', abort.signal)
    setTimeout(() => abort.abort(), 50)
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' })
  })

  it('refuses a base URL that is not http(s)', () => {
    expect(() => new AtomsClient({ apiKey: KEY, baseUrl: 'file:///etc' })).toThrow(/https/)
    expect(() => new AtomsClient({ apiKey: KEY, baseUrl: 'not a url' })).toThrow(/not a URL/)
  })
})

describe('recording download', () => {
  const dir = tempDir()

  it('writes the file whole, without sending the key to another host', async () => {
    const audio = Buffer.from('RIFF' + 'x'.repeat(5000))
    const { client, server } = await setup((_r, res) => res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(audio.length) }).end(audio))
    const file = join(dir.path, 'a.wav')
    const other = `http://localhost:${server.port}/rec/a.wav`
    const seenBytes: number[] = []
    const out = await client.downloadRecording(other, file, { onProgress: (b) => seenBytes.push(b) })
    expect(out).toEqual({ bytes: audio.length, contentType: 'audio/wav' })
    expect(readFileSync(file)).toEqual(audio)
    expect(existsSync(`${file}.part`)).toBe(false)
    expect(server.seen[0]!.headers.authorization).toBeUndefined()
    expect(seenBytes.at(-1)).toBe(audio.length)
  })

  it('leaves no file behind when the connection drops mid-body', async () => {
    const { client } = await setup((_r, res) => {
      res.writeHead(200, { 'content-length': '100000' })
      res.write(Buffer.alloc(1000))
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const file = join(dir.path, 'b.wav')
    await expect(client.downloadRecording(client.baseUrl.replace('/atoms/v1', '/rec.wav'), file)).rejects.toMatchObject({ code: 'OFFLINE' })
    expect(existsSync(file)).toBe(false)
    expect(existsSync(`${file}.part`)).toBe(false)
  })

  it('signals an expired link as FORBIDDEN so a fresh one can be asked for', async () => {
    const { client } = await setup((_r, res) => res.writeHead(403).end('<Error><Code>AccessDenied</Code></Error>'))
    await expect(client.downloadRecording(client.baseUrl + '/x.wav', join(dir.path, 'c.wav'))).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/expired/) })
  })
})
