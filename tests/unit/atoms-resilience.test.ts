// The Atoms client over real HTTP on 127.0.0.1, fault side: every transient fault retried with the
// wait the server asked for (asserted on the delays handed to onRetry, never on the clock), every
// permanent one explained with the right code, cancellation prompt, and the key never shown.
import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { setLogSink } from '../../src/main/log'
import { abortableSleep } from '../../src/main/atoms/sleep'
import { LIST_EXAMPLE } from '../support/atomsExamples'
import { json, KEY, setup } from './atoms-fixtures'

const good = (res: ServerResponse) => json(res, 200, LIST_EXAMPLE)
const lines: string[] = []
const captureLogs = () => setLogSink((l) => lines.push(l), 'debug')
afterEach(() => {
  lines.length = 0
  setLogSink(() => {}, 'info')
})

describe('429', () => {
  it.each([
    ['the RL body (retry_after)', (res: ServerResponse) => json(res, 429, { status: false, error: 'Rate limit exceeded', code: 'RATE_LIMIT_EXCEEDED', retry_after: 60 }), 60_000],
    ['the OAS body (rateLimit.retryAfterSec)', (res: ServerResponse) => json(res, 429, { message: 'Rate limit exceeded', rateLimit: { routeClass: 'conversation', limit: 10, retryAfterSec: 7 } }), 7_000],
    ['a Retry-After header in seconds', (res: ServerResponse) => json(res, 429, { status: false, errors: ['slow down'] }, { 'retry-after': '3' }), 3_000],
    ['a retry-after-ms header', (res: ServerResponse) => json(res, 429, {}, { 'retry-after-ms': '1500' }), 1_500],
    ['a header and a body (the header wins)', (res: ServerResponse) => json(res, 429, { retry_after: 60 }, { 'retry-after': '2' }), 2_000],
  ])('waits as asked by %s, slows down, then succeeds', async (_name, refuse, askedMs) => {
    const { client, retries, server } = await setup((_r, res, n) => (n === 1 ? refuse(res) : good(res)), { requestsPerSecond: 8 })
    const page = await client.listCalls({})
    expect(page.calls).toHaveLength(2)
    expect(server.seen).toHaveLength(2)
    expect(retries).toEqual([{ attempt: 1, delayMs: expect.any(Number), reason: 'HTTP 429' }])
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(askedMs)
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(askedMs + 250)
    expect(client.currentRate()).toBeLessThan(8)
  })

  it('honours a Retry-After given as an HTTP date', async () => {
    const { client, retries } = await setup((_r, res, n) => (n === 1 ? json(res, 429, {}, { 'retry-after': new Date(Date.now() + 20_000).toUTCString() }) : good(res)))
    await client.listCalls({})
    // The date has one-second resolution: anything from 18 s to 20.25 s is "as asked".
    expect(retries[0]!.delayMs).toBeGreaterThan(18_000)
    expect(retries[0]!.delayMs).toBeLessThanOrEqual(20_250)
  })

  it('falls back to exponential backoff with full jitter when no wait is given', async () => {
    const { client, retries } = await setup((_r, res, n) => (n <= 4 ? json(res, 429, {}) : good(res)), { random: () => 1, baseDelayMs: 500, maxDelayMs: 3000 })
    await client.listCalls({})
    expect(retries.map((r) => r.delayMs)).toEqual([500, 1000, 2000, 3000])
  })

  it('fails with RATE_LIMITED at once rather than hang when told to wait too long', async () => {
    const { client, server, retries } = await setup((_r, res) => json(res, 429, {}, { 'retry-after': '3600' }))
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'RATE_LIMITED', retryable: true, message: expect.stringMatching(/wait 3600 s.*req-123/) })
    expect(server.seen).toHaveLength(1)
    expect(retries).toEqual([])
  })

  it('fails with RATE_LIMITED after the last attempt', async () => {
    const { client, server } = await setup((_r, res) => json(res, 429, { retry_after: 1 }), { maxRetries: 3 })
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/after 4 attempts/) })
    expect(server.seen).toHaveLength(4)
    expect(client.currentRate()).toBe(1000 / 16) // halved three times... and floored at 1/16
  })
})

describe('transient faults', () => {
  it.each([
    ['a 500', (res: ServerResponse) => json(res, 500, { status: false, errors: ['Internal server error'] }), 'HTTP 500'],
    ['a 502', (res: ServerResponse) => void res.writeHead(502).end('bad gateway'), 'HTTP 502'],
    ['a 503', (res: ServerResponse) => json(res, 503, {}), 'HTTP 503'],
    ['a 504 with an HTML body', (res: ServerResponse) => void res.writeHead(504, { 'content-type': 'text/html' }).end('<h1>504 Gateway Time-out</h1>'), 'HTTP 504'],
    ['a 408', (res: ServerResponse) => json(res, 408, {}), 'HTTP 408'],
    ['a reset connection', (res: ServerResponse) => void res.socket?.destroy(), expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET|closed/)],
    ['malformed JSON', (res: ServerResponse) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true,"data":{"logs":['), expect.stringMatching(/unreadable response \(HTTP 200: not JSON/)],
    ['an empty 200', (res: ServerResponse) => void res.writeHead(200).end(), expect.stringMatching(/empty body/)],
    ['JSON without data', (res: ServerResponse) => json(res, 200, { status: true }), expect.stringMatching(/without a "data" field/)],
  ])('recovers from %s', async (_name, fail, reason) => {
    const { client, retries, server } = await setup((_r, res, n) => (n <= 2 ? fail(res) : good(res)))
    const page = await client.listCalls({})
    expect(page.calls).toHaveLength(2)
    expect(server.seen).toHaveLength(3)
    expect(retries.map((r) => r.attempt)).toEqual([1, 2])
    expect(retries[0]!.reason).toEqual(reason)
    for (const r of retries) expect(r.delayMs).toBeLessThanOrEqual(500 * 2 ** (r.attempt - 1))
  })

  it('reports a lasting 5xx after the last attempt, with the request id', async () => {
    const { client, server } = await setup((_r, res) => json(res, 503, { status: false, errors: ['down'] }), { maxRetries: 2 })
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'INTERNAL', retryable: true, message: 'The Atoms API failed (HTTP 503) after 3 attempts (request id req-123).' })
    expect(server.seen).toHaveLength(3)
  })

  it('gives up on malformed JSON after a few tries, however many retries are allowed', async () => {
    const { client, server } = await setup((_r, res) => void res.writeHead(200).end('{"status":tr'), { maxRetries: 10 })
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/cannot read.*after 3 attempts/) })
    expect(server.seen).toHaveLength(3)
  })

  it('is OFFLINE when the host keeps dropping the connection', async () => {
    const { client, server } = await setup((_r, res) => void res.socket?.destroy(), { maxRetries: 2 })
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'OFFLINE', retryable: true, message: expect.stringMatching(new RegExp(`^Cannot reach 127\\.0\\.0\\.1:${server.port}: .+ \\(3 attempts\\)\\.$`)) })
    expect(server.seen).toHaveLength(3)
  })

  it('is OFFLINE when nothing listens', async () => {
    const { client, server } = await setup(() => {}, { maxRetries: 1 })
    await server.close()
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'OFFLINE', message: expect.stringMatching(/ECONNREFUSED/) })
  })

  it('times out a response that never completes, per attempt, and retries it', async () => {
    const { client, server, retries } = await setup((_r, res) => void res.writeHead(200, { 'content-type': 'application/json' }).write('{"status":true,'), { timeoutMs: 150, maxRetries: 1 })
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'OFFLINE', message: expect.stringMatching(/no complete answer within 150 ms \(2 attempts\)/) })
    expect(server.seen).toHaveLength(2)
    expect(retries).toHaveLength(1)
  })

  it('times out a server that never sends headers with the connect timeout', async () => {
    const { client, server } = await setup((_r, res, n) => (n === 1 ? undefined : good(res)), { connectTimeoutMs: 100, timeoutMs: 60_000 })
    const page = await client.listCalls({})
    expect(page.calls).toHaveLength(2)
    expect(server.seen).toHaveLength(2)
  })
})

describe('permanent failures', () => {
  it('does not retry a refused key, tells the user to check it, and never shows it', async () => {
    captureLogs()
    const { client, server } = await setup((_r, res) => json(res, 401, { status: false, errors: [`Unauthorized: User not found for ${KEY}`] }))
    const err = await client.listCalls({}).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'UNAUTHORIZED', retryable: false, message: 'The Atoms API refused the API key. Check the key in Settings.' })
    expect(server.seen).toHaveLength(1)
    expect(lines.join('\n')).toMatch(/HTTP 401/)
    expect(JSON.stringify(err) + String(err) + lines.join('\n')).not.toContain(KEY)
  })

  it('checkKey throws UNAUTHORIZED for a refused key', async () => {
    const { client, server } = await setup((_r, res) => json(res, 401, { status: false, errors: ['Unauthorized: User not found'] }))
    await expect(client.checkKey()).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/Check the key in Settings/) })
    expect(server.seen).toHaveLength(1)
  })

  it.each([
    [404, 'NOT_FOUND', 'Call CALL-1-x was not found on the Atoms API — Conversation not found (request id req-123).'],
    [400, 'INVALID_INPUT', 'The Atoms API rejected the request (HTTP 400): Invalid call ID format; limit must be at most 500 (request id req-123).'],
    [403, 'FORBIDDEN', 'The Atoms API refused access to call CALL-1-x (HTTP 403): Forbidden (request id req-123).'],
    [409, 'CONFLICT', 'The Atoms API reported a conflict (HTTP 409): Busy (request id req-123).'],
    [501, 'INTERNAL', 'The Atoms API failed (HTTP 501): Not implemented (request id req-123).'],
  ])('explains a %i without retrying it', async (status, code, message) => {
    const errors = { 404: ['Conversation not found'], 400: ['Invalid call ID format', 'limit must be at most 500'], 403: ['Forbidden'], 409: ['Busy'], 501: ['Not implemented'] }[status]
    const { client, server, retries } = await setup((_r, res) => json(res, status, { status: false, errors }))
    await expect(client.getCall('CALL-1-x')).rejects.toMatchObject({ code, message })
    expect(server.seen).toHaveLength(1)
    expect(retries).toEqual([])
  })

  it('reads the message of an error body in the other documented shapes', async () => {
    const { client } = await setup((_r, res) => json(res, 400, { message: 'page must be a number' }))
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(': page must be a number') })
  })
})

describe('the API key', () => {
  it('is read per request, so a key changed in Settings applies at once', async () => {
    let key: string | null = KEY
    const { client, server } = await setup((_r, res) => json(res, 200, LIST_EXAMPLE), { apiKey: () => key })
    await client.listCalls({})
    key = ' sk_live_rotated_key_987654 \n'
    await client.listCalls({})
    expect(server.seen.map((s) => s.headers.authorization)).toEqual([`Bearer ${KEY}`, 'Bearer sk_live_rotated_key_987654'])
    key = null
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/No Atoms API key is set/) })
    expect(server.seen).toHaveLength(2)
  })

  it('is not sent, nor quoted, when it could not be a header value', async () => {
    const bad = 'sk_live_pasted\nwith_a_line_break'
    const { client, server } = await setup((_r, res) => json(res, 200, LIST_EXAMPLE), { apiKey: bad })
    const err = await client.listCalls({}).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringMatching(/line breaks/) })
    expect(String(err)).not.toContain('with_a_line_break')
    expect(server.seen).toHaveLength(0)
  })

  it('never reaches a log line or an error message, whatever fails', async () => {
    captureLogs()
    const { client } = await setup((_r, res, n) => (n % 2 ? void res.socket?.destroy() : json(res, 500, { errors: [`bad key ${KEY}`] })), { maxRetries: 3 })
    const err = await client.listCalls({ search: KEY }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'INTERNAL' })
    expect(lines.length).toBeGreaterThan(3)
    expect(lines.join('\n') + JSON.stringify(err) + String(err)).not.toContain(KEY)
  })
})

describe('cancellation', () => {
  it('returns CANCELLED at once when aborted during a backoff wait', async () => {
    // A sleep that never ends on its own: only the abort can end the wait.
    const { client, server } = await setup((_r, res) => json(res, 500, {}), { sleep: () => new Promise(() => {}) })
    const abort = new AbortController()
    const pending = client.listCalls({}, abort.signal)
    await expect.poll(() => server.seen.length).toBe(1)
    abort.abort()
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(server.seen).toHaveLength(1)
  })

  it('returns CANCELLED at once when aborted during a real Retry-After wait', async () => {
    const { client } = await setup((_r, res) => json(res, 429, { retry_after: 100 }), { sleep: abortableSleep })
    const abort = new AbortController()
    const pending = client.listCalls({}, abort.signal)
    setTimeout(() => abort.abort(), 50)
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' }) // a 100 s wait would exceed the test timeout
  })

  it('returns CANCELLED at once when aborted while waiting for the rate limiter', async () => {
    const { client, server } = await setup((_r, res) => json(res, 200, LIST_EXAMPLE), { requestsPerSecond: 0.001, sleep: abortableSleep })
    await client.listCalls({}) // spends the one token; the next waits ~1000 s
    const abort = new AbortController()
    const pending = client.listCalls({}, abort.signal)
    setTimeout(() => abort.abort(), 50)
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(server.seen).toHaveLength(1)
  })

  it('returns CANCELLED at once when aborted during a slow response', async () => {
    const { client, server } = await setup(() => {}, { timeoutMs: 60_000, connectTimeoutMs: 60_000 })
    const abort = new AbortController()
    const pending = client.getCall('CALL-1767268800123-9f3a2c', abort.signal)
    await expect.poll(() => server.seen.length).toBe(1)
    abort.abort()
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' })
  })

  it('sends nothing when already aborted', async () => {
    const { client, server } = await setup((_r, res) => json(res, 200, LIST_EXAMPLE))
    await expect(client.searchCalls(['CALL-1767268800123-9f3a2c'], AbortSignal.abort())).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(server.seen).toHaveLength(0)
  })
})
