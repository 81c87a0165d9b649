// The Atoms client against the Atoms emulator (src/emulator): the two were written from the same
// reference by different hands, so this is where a misreading on either side shows. Filters,
// paging, detail, search, presigned recordings (with a resumed Range download and an expired
// link), and the emulator's faults and rate limit.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { CallSummary } from '@shared/domain'
import { AtomsClient, type AtomsClientOptions } from '../../src/main/atoms/client'
import { isStaleLinkError } from '../../src/main/atoms/download'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/server'
import { tempDir } from '../support/tempDir'

const KEY = 'sk_test_earmark'
const running: Emulator[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()))
})
const dir = tempDir('earmark-atoms-emu-')
afterAll(() => dir.cleanup())

async function emulator(opts: EmulatorOptions = {}, over: Partial<AtomsClientOptions> = {}) {
  const emu = await startEmulator({ calls: 150, seed: 7, ...opts })
  running.push(emu)
  const retries: string[] = []
  const client = new AtomsClient({ apiKey: KEY, baseUrl: emu.url, requestsPerSecond: 1000, sleep: () => Promise.resolve(), onRetry: (r) => retries.push(r.reason), ...over })
  return { emu, client, retries }
}

async function allPages(client: AtomsClient, limit: number, extra = {}): Promise<{ calls: CallSummary[]; pages: number; total: number }> {
  const calls: CallSummary[] = []
  let page = 1
  for (;;) {
    const p = await client.listCalls({ ...extra, page, limit, callAttempts: ['all'] })
    expect(p.issues).toEqual([])
    calls.push(...p.calls)
    if (!p.hasMore) return { calls, pages: page, total: p.total }
    page++
  }
}

describe('the client against the emulator', () => {
  it('pages through every call exactly once', async () => {
    const { emu, client } = await emulator()
    const { calls, pages, total } = await allPages(client, 37)
    const ids = calls.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual([...emu.callIds()].sort())
    expect(total).toBe(ids.length)
    expect(pages).toBe(Math.ceil(total / 37))
  })

  it('applies the filters it sends', async () => {
    const { client } = await emulator()
    const page = await client.listCalls({ limit: 500, statuses: ['completed', 'no_answer'], callTypes: ['telephony_outbound'], durations: ['0-30', '5+'], sortBy: 'callDuration', sortOrder: 'asc' })
    expect(page.calls.length).toBeGreaterThan(0)
    for (const c of page.calls) {
      expect(['completed', 'no_answer']).toContain(c.status)
      expect(c.type).toBe('telephony_outbound')
      expect(c.durationS <= 30 || c.durationS > 300).toBe(true)
    }
    const durations = page.calls.map((c) => c.durationS)
    expect(durations).toEqual([...durations].sort((a, b) => a - b))
    const one = page.calls[0]!
    const found = await client.listCalls({ search: one.id, callAttempts: ['all'] })
    expect(found.calls.map((c) => c.id)).toEqual([one.id])
  })

  it('reads the legacy shapes the emulator can send', async () => {
    const { client } = await emulator({ legacy: true })
    const { calls } = await allPages(client, 100)
    expect(calls.length).toBeGreaterThan(0)
    const completed = calls.find((c) => c.status === 'completed')!
    const { call } = await client.getCall(completed.id)
    expect(call.id).toBe(completed.id)
  })

  it('gets details that agree with the list, and searches by id across several requests', async () => {
    const { emu, client } = await emulator()
    const { calls } = await allPages(client, 500)
    const done = calls.find((c) => c.status === 'completed' && c.durationS > 20)!
    const { call, raw } = await client.getCall(done.id)
    expect(raw.callId).toBe(done.id)
    expect(call).toMatchObject({ id: done.id, status: done.status, durationS: done.durationS, from: done.from, to: done.to })
    expect(call.transcript.length).toBeGreaterThan(0)
    expect(call.transcript.every((t) => ['agent', 'user'].includes(t.role) && t.text !== '')).toBe(true)

    const ids = emu.callIds()
    const other = emu.callIds('B')[0]!
    const asked = [...ids, 'CALL-1000000000000-ffffff', other]
    const result = await client.searchCalls(asked)
    expect(result.calls.map((c) => c.id)).toEqual(ids)
    expect(result.missing.sort()).toEqual(['CALL-1000000000000-ffffff', other].sort())
    expect(result.issues).toEqual([])
    await expect(client.getCall(other)).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('downloads a recording from a presigned link, resuming a dropped body with Range', async () => {
    let dropped = false
    const flaky: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (dropped || !String(input).includes('/s3/') || !res.body) return res
      dropped = true // the first recording response dies after its first chunk
      const reader = res.body.getReader()
      const body = new ReadableStream<Uint8Array>({
        async pull(ctl) {
          const { value } = await reader.read()
          if (value) ctl.enqueue(value)
          ctl.error(new TypeError('terminated'))
          void reader.cancel()
        },
      })
      return new Response(body, { status: res.status, headers: res.headers })
    }
    const { emu, client } = await emulator({}, { fetch: flaky })
    const seen: string[] = []
    const clean = new AtomsClient({ apiKey: KEY, baseUrl: emu.url, requestsPerSecond: 1000 })
    const { calls } = await allPages(client, 500)
    const done = calls.find((c) => c.status === 'completed' && c.recordingUrl && c.durationS > 20)!
    const url = await client.getRecordingDownloadUrl(done.id)
    expect(url).toMatch(/X-Amz-Signature=/)
    const file = join(dir.path, 'resumed.wav')
    const out = await client.downloadRecording(url, file, { onProgress: (b, t) => seen.push(`${b}/${t}`) })
    expect(dropped).toBe(true)
    expect(seen.length).toBeGreaterThan(1)
    const reference = join(dir.path, 'clean.wav')
    await clean.downloadRecording(await clean.getRecordingDownloadUrl(done.id), reference)
    expect(readFileSync(file).equals(readFileSync(reference))).toBe(true)
    expect(out).toEqual({ bytes: readFileSync(reference).length, contentType: 'audio/wav' })
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('RIFF')
  })

  it('recognises an expired presigned link, and a fresh one works', async () => {
    let t = Date.now()
    const { client } = await emulator({ now: () => t, urlTtlMs: 60_000 })
    const { calls } = await allPages(client, 500)
    const done = calls.find((c) => c.status === 'completed' && c.recordingUrl)!
    const stale = await client.getRecordingDownloadUrl(done.id)
    t += 120_000
    const err = await client.downloadRecording(stale, join(dir.path, 'stale.wav')).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'FORBIDDEN' })
    expect(isStaleLinkError(err)).toBe(true)
    const fresh = await client.getRecordingDownloadUrl(done.id)
    expect((await client.downloadRecording(fresh, join(dir.path, 'fresh.wav'))).bytes).toBeGreaterThan(44)
  })

  it('loses nothing under the emulator faults', async () => {
    const { emu, client, retries } = await emulator({ seed: 3, faults: '429:0.15,500:0.1,reset:0.1,malformed:0.1' }, { maxRetries: 8, timeoutMs: 5000 })
    const { calls } = await allPages(client, 25)
    expect([...calls.map((c) => c.id)].sort()).toEqual([...emu.callIds()].sort())
    const found = await client.searchCalls(calls.map((c) => c.id))
    expect(found.calls).toHaveLength(calls.length)
    for (const c of calls.slice(0, 20)) expect((await client.getCall(c.id)).call.id).toBe(c.id)
    expect(retries.length).toBeGreaterThan(5)
    expect(retries.some((r) => r === 'HTTP 429')).toBe(true)
  })

  it('retries a full-scan 504 and then says it failed', async () => {
    const { emu, client } = await emulator({ faults: '504' }, { maxRetries: 2 })
    await expect(client.listCalls({ sortBy: 'createdAt' })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/HTTP 504\) after 3 attempts/) })
    expect(emu.stats().byStatus[504]).toBe(3)
    expect((await client.listCalls({ sortBy: 'updatedAt' })).calls.length).toBeGreaterThan(0)
  })

  it('slows down under the emulator rate limit and still gets every answer', async () => {
    const { emu, client } = await emulator({ rateLimit: 20 }, { requestsPerSecond: 200, sleep: undefined, maxRetries: 8 })
    const pages = await Promise.all(Array.from({ length: 30 }, (_, i) => client.listCalls({ page: (i % 3) + 1, limit: 10 })))
    expect(pages.every((p) => p.calls.length === 10)).toBe(true)
    expect(emu.stats().byStatus[429]).toBeGreaterThan(0)
    expect(client.currentRate()).toBeLessThan(200)
  })

  it('refuses a wrong key with one request', async () => {
    const { emu } = await emulator()
    const wrong = new AtomsClient({ apiKey: 'sk_test_wrong_key', baseUrl: emu.url })
    await expect(wrong.checkKey()).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    expect(emu.stats().requests).toBe(1)
  })
})
