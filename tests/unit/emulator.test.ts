// The emulator is faithful to atoms-api.md: documented shapes, auth and org isolation, paging,
// filters, sort, search, detail errors, signed recording links, real WAV audio with the speech
// where the truth says, faults, old shapes, the call lifecycle and determinism.
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startEmulator, type Emulator } from '../../src/emulator/server'
import { sniff } from '../../src/main/media/audioInfo'

const KEY = 'sk_test_earmark'
const auth = (key = KEY) => ({ headers: { authorization: `Bearer ${key}` } })
let emu: Emulator
let clock = Date.UTC(2026, 10, 20, 12)
const now = () => clock

async function get(path: string, key = KEY) {
  const res = await fetch(emu.url + path, auth(key))
  return { status: res.status, body: (await res.json()) as any, headers: res.headers } // eslint-disable-line @typescript-eslint/no-explicit-any
}
async function all(query = '') {
  const out: any[] = [] // eslint-disable-line @typescript-eslint/no-explicit-any
  for (let page = 1; ; page++) {
    const { body } = await get(`/conversation?limit=500&page=${page}${query}`)
    out.push(...body.data.logs)
    if (!body.data.pagination.hasMore) return out
  }
}

// The documented list item (atoms-api.md §4.2): required keys and their types.
const documentedItem = z.object({
  _id: z.string().regex(/^[0-9a-f]{24}$/),
  callId: z.string().regex(/^CALL-\d{13}-[0-9a-f]{6}$/),
  status: z.string(),
  duration: z.number(),
  from: z.string(),
  to: z.string(),
  type: z.enum(['telephony_inbound', 'telephony_outbound', 'webcall']),
  agentId: z.string().regex(/^[0-9a-f]{24}$/),
  recordingUrl: z.string(),
  recordingDualUrl: z.string(),
  retryCount: z.number(),
  createdAt: z.iso.datetime(),
  dispositionMetrics: z.record(z.string(), z.string()),
  agentDispositionConfig: z.array(z.object({ identifier: z.string(), type: z.string() })),
  callCost: z.number(),
  versionNumber: z.number(),
  isTest: z.boolean(),
  retryAttemptNumber: z.number(),
})
const documentedDetail = z.object({
  callId: z.string(),
  transcript: z.array(z.object({ role: z.enum(['agent', 'user']), content: z.string(), timestamp: z.iso.datetime() })),
  events: z.array(z.object({ event_type: z.string(), event_id: z.string(), timestamp: z.string(), call_id: z.string() })),
  variables: z.record(z.string(), z.unknown()),
  postCallAnalytics: z.object({ summary: z.string(), dispositionMetrics: z.array(z.object({ identifier: z.string(), value: z.string(), confidence: z.number().min(0).max(1) })) }),
  turnLatencyMetrics: z.object({ avgLatency: z.number(), latencies: z.array(z.number()), transitions: z.array(z.object({ turn: z.number(), user_end: z.number(), bot_start: z.number(), latency: z.number() })) }),
  agent: z.object({ _id: z.string(), name: z.string() }),
})

beforeAll(async () => {
  emu = await startEmulator({ calls: 600, seed: 5, now })
})
afterAll(async () => emu.close())

describe('documented shapes and rules', () => {
  it('sends list items, details and search results in the documented shapes', async () => {
    const { body, headers } = await get('/conversation?limit=50&statusFilter=completed')
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    for (const item of body.data.logs) documentedItem.parse(item)
    expect(body.data.pagination).toMatchObject({ page: 1, limit: 50, hasMore: true, totalPages: Math.ceil(body.data.pagination.total / 50) })
    const done = body.data.logs.find((l: { postCallAnalytics?: unknown }) => l.postCallAnalytics)
    documentedDetail.parse((await get(`/conversation/${done.callId}`)).body.data)
    const search = await fetch(emu.url + '/conversation/search', { method: 'POST', ...auth(), body: JSON.stringify({ callIds: [done.callId] }) })
    const s = (await search.json()) as { data: { logs: Record<string, unknown>[]; total: number; requestedCount: number } }
    expect(s.data).toMatchObject({ total: 1, requestedCount: 1 })
    expect(Object.keys(s.data.logs[0]!)).not.toEqual(expect.arrayContaining(['dispositionMetrics']))
    expect(s.data.logs[0]).not.toHaveProperty('versionNumber')
  })

  it('refuses a wrong or missing key with the documented 401 body', async () => {
    expect(await get('/conversation', 'sk_nope')).toMatchObject({ status: 401, body: { status: false, errors: ['Unauthorized: User not found'] } })
    const bare = await fetch(emu.url + '/conversation')
    expect(bare.status).toBe(401)
    expect(bare.headers.get('x-request-id')).toBeTruthy()
  })

  it('keeps organisations apart', async () => {
    const a = emu.callIds('A')[10]!
    const b = emu.callIds('B')[0]!
    expect((await get(`/conversation/${a}`, 'sk_test_other_org')).status).toBe(404)
    expect((await get(`/conversation/${b}`, 'sk_test_other_org')).status).toBe(200)
    const res = await fetch(emu.url + '/conversation/search', { method: 'POST', ...auth('sk_test_other_org'), body: JSON.stringify({ callIds: [a, b] }) })
    expect(((await res.json()) as { data: { logs: { callId: string }[] } }).data.logs.map((l) => l.callId)).toEqual([b])
  })

  it('defaults limit to 5, clamps it to 500 and refuses nonsense', async () => {
    expect((await get('/conversation')).body.data.logs).toHaveLength(5)
    expect((await get('/conversation?limit=5000')).body.data.pagination.limit).toBe(500)
    for (const q of ['limit=0', 'page=0', 'page=abc', 'sortBy=name', 'statusFilter=weird', 'dateFrom=yesterday']) {
      expect((await get(`/conversation?${q}`)).body, q).toMatchObject({ status: false, errors: [expect.stringMatching(/Invalid input/)] })
    }
    const past = await get('/conversation?limit=500&page=99')
    expect(past.body.data).toMatchObject({ logs: [], pagination: { hasMore: false } })
  })

  it('pages through every root call exactly once, newest update first', async () => {
    const items = await all()
    const roots = emu.callIds('A')
    expect(new Set(items.map((i) => i.callId)).size).toBe(items.length)
    expect(items.every((i) => i.retryAttemptNumber === 0)).toBe(true)
    expect(items.length + (await all('&callAttemptFilter=retry')).length).toBe(roots.length)
    const updated = items.map((i) => Date.parse(i.updatedAt))
    expect(updated).toEqual([...updated].sort((x, y) => y - x))
  })

  it.each([
    ['statusFilter=completed,no_answer', (c: any) => ['completed', 'no_answer'].includes(c.status)], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['callTypes=telephony_inbound', (c: any) => c.type === 'telephony_inbound'], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['disconnectReasonFilter=agent_hangup', (c: any) => c.disconnectionReason === 'agent_hangup'], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['durationFilter=30-60,5%2B', (c: any) => (c.duration > 30 && c.duration <= 60) || c.duration > 300], // eslint-disable-line @typescript-eslint/no-explicit-any
    ['search=555', (c: any) => c.callId.includes('555') || c.from.includes('555') || c.to.includes('555')], // eslint-disable-line @typescript-eslint/no-explicit-any
  ])('filters %s like filtering every call by hand', async (query, pred) => {
    const everything = await all()
    const filtered = await all(`&${query}`)
    expect(filtered.length).toBeGreaterThan(0)
    expect(filtered.map((c) => c.callId).sort()).toEqual(everything.filter(pred).map((c) => c.callId).sort())
  })

  it('filters by agent, campaign and creation date, and sorts by duration', async () => {
    const everything = await all()
    const agent = everything[0].agentId
    expect((await all(`&agentIds=${agent}`)).every((c) => c.agentId === agent)).toBe(true)
    const campaign = everything.find((c) => c.campaignId).campaignId
    expect((await all(`&campaignIds=${campaign}`)).length).toBe(everything.filter((c) => c.campaignId === campaign).length)
    const from = everything[100].createdAt
    const dated = await all(`&dateFrom=${from}`)
    expect(dated.length).toBe(everything.filter((c) => c.createdAt >= from).length)
    const byDuration = (await get('/conversation?limit=100&sortBy=callDuration&sortOrder=asc')).body.data.logs.map((c: { duration: number }) => c.duration)
    expect(byDuration).toEqual([...byDuration].sort((x: number, y: number) => x - y))
  })

  it('validates search input and keeps the order asked for, retries included', async () => {
    const post = (body: unknown) => fetch(emu.url + '/conversation/search', { method: 'POST', ...auth(), body: JSON.stringify(body) })
    expect((await post({ callIds: [] })).status).toBe(400)
    expect((await post({ callIds: Array.from({ length: 101 }, (_, i) => `CALL-${i}`) })).status).toBe(400)
    expect((await post({ ids: ['x'] })).status).toBe(400)
    const retry = (await all('&callAttemptFilter=retry'))[0]
    const ids = [emu.callIds('A')[3]!, 'CALL-1000000000000-ffffff', retry.callId, emu.callIds('A')[1]!]
    const data = ((await (await post({ callIds: ids })).json()) as { data: { logs: { callId: string }[]; total: number; requestedCount: number } }).data
    expect(data.logs.map((l) => l.callId)).toEqual([ids[0], ids[2], ids[3]])
    expect(data).toMatchObject({ total: 3, requestedCount: 4 })
  })

  it('answers a detail by callId only', async () => {
    expect((await get('/conversation/6776b1c4e1f2a3b4c5d6e7f8')).body).toEqual({ status: false, errors: ['Invalid call ID format'] })
    expect((await get('/conversation/CALL-1000000000000-ffffff')).status).toBe(404)
  })
})

describe('recordings', () => {
  it('hands out signed links that work until they expire, and refuses tampered ones', async () => {
    const done = (await all('&statusFilter=completed'))[0]
    const link = (await get(`/conversation/${done.callId}/recording/download-url`)).body.data.presignedUrl as string
    expect((await fetch(link)).status).toBe(200)
    expect((await fetch(link.replace(/signature=[0-9a-f]{4}/, 'signature=0000'))).status).toBe(403)
    clock += 301_000
    const expired = await fetch(link)
    expect(expired.status).toBe(403)
    expect(await expired.text()).toMatch(/expired/)
    const noRec = (await all('&statusFilter=no_answer'))[0]
    expect((await get(`/conversation/${noRec.callId}/recording/download-url`)).status).toBe(404)
  })

  it('serves a byte range as 206 and a valid stereo WAV with speech where the truth says', async () => {
    const done = (await all('&statusFilter=completed')).find((c) => c.duration > 20)
    const truth = emu.truth(done.callId)!
    const ranged = await fetch(done.recordingDualUrl, { headers: { range: 'bytes=0-99' } })
    expect(ranged.status).toBe(206)
    expect(ranged.headers.get('content-range')).toMatch(/^bytes 0-99\/\d+$/)
    const head = Buffer.from(await ranged.arrayBuffer())
    expect(head).toHaveLength(100)
    const full = Buffer.from(await (await fetch(done.recordingDualUrl)).arrayBuffer())
    const info = sniff(full.subarray(0, 64), full.length)
    expect(info).toMatchObject({ format: 'wav', channels: 2, sampleRate: 16000 })
    expect(info.durationS).toBeCloseTo(truth.durationS, 2)
    expect(full.readUInt32LE(4)).toBe(full.length - 8)
    const energy = (ch: number, from: number, to: number) => {
      let sum = 0
      const a = Math.floor(from * 16000), b = Math.floor(to * 16000)
      for (let n = a; n < b; n++) sum += Math.abs(full.readInt16LE(44 + n * 4 + ch * 2))
      return sum / Math.max(1, b - a)
    }
    for (const turn of truth.turns.slice(0, 6)) {
      const mid = (turn.startS + turn.endS) / 2
      const speaker = turn.role === 'agent' ? truth.agentChannel : 1 - truth.agentChannel
      expect(energy(speaker, mid - 0.2, mid + 0.2), `${turn.role} at ${mid}`).toBeGreaterThan(1000)
    }
    expect((await fetch(done.recordingDualUrl, { headers: { range: `bytes=${full.length + 10}-` } })).status).toBe(416)
  })
})

describe('faults, old shapes, lifecycle, determinism', () => {
  it('injects each fault it is asked for', async () => {
    const f = await startEmulator({ calls: 30, seed: 2 })
    try {
      f.setFaults('504')
      expect((await fetch(f.url + '/conversation?sortBy=createdAt', auth())).status).toBe(504)
      expect((await fetch(f.url + '/conversation', auth())).status).toBe(200)
      f.setFaults('429:1')
      const shapes = new Set<string>()
      for (let i = 0; i < 4; i++) {
        const res = await fetch(f.url + '/conversation', auth())
        expect(res.status).toBe(429)
        const body = (await res.json()) as { code?: string; rateLimit?: unknown }
        shapes.add(body.code ? 'rl' : body.rateLimit ? 'oas' : '?')
      }
      expect([...shapes].sort()).toEqual(['oas', 'rl'])
      f.setFaults('malformed:1')
      await expect((await fetch(f.url + '/conversation', auth())).json()).rejects.toThrow()
      f.setFaults('reset:1')
      await expect(fetch(f.url + '/conversation', auth())).rejects.toThrow()
      f.setFaults('500:1')
      expect((await fetch(f.url + '/conversation', auth())).status).toBe(500)
    } finally {
      await f.close()
    }
  })

  it('rate limits over its limit with Retry-After', async () => {
    const f = await startEmulator({ calls: 10, seed: 2, rateLimit: 2 })
    try {
      const statuses = await Promise.all(Array.from({ length: 6 }, () => fetch(f.url + '/conversation', auth()).then((r) => [r.status, r.headers.get('retry-after')])))
      expect(statuses.filter(([s]) => s === 429).length).toBeGreaterThan(0)
      expect(statuses.find(([s]) => s === 429)![1]).toBe('1')
    } finally {
      await f.close()
    }
  })

  it('sends the old shapes in legacy mode', async () => {
    const f = await startEmulator({ calls: 80, seed: 4, legacy: true })
    try {
      const list = (await (await fetch(f.url + '/conversation?limit=80&statusFilter=completed', auth())).json()) as { data: { logs: Record<string, unknown>[]; pagination: object } }
      expect(list.data.pagination).not.toHaveProperty('totalPages')
      expect(list.data.logs.some((l) => 'average_agent_latency' in l && !('turnLatencyMetrics' in l))).toBe(true)
      const transcripts = await Promise.all(list.data.logs.slice(0, 24).map(async (l) => ((await (await fetch(`${f.url}/conversation/${l.callId as string}`, auth())).json()) as { data: { transcript: unknown[] } }).data.transcript[0]))
      expect(transcripts.some((t) => typeof t === 'string')).toBe(true)
      expect(transcripts.some((t) => typeof (t as { timestamp?: unknown })?.timestamp === 'number')).toBe(true)
    } finally {
      await f.close()
    }
  })

  it('finishes a call in progress, then adds its recording, then its analytics, moving it to the top', async () => {
    let t = Date.UTC(2026, 10, 1)
    const f = await startEmulator({ calls: 50, seed: 8, now: () => t })
    try {
      const first = async () => ((await (await fetch(f.url + '/conversation?limit=50', auth())).json()) as { data: { logs: Record<string, any>[] } }).data.logs // eslint-disable-line @typescript-eslint/no-explicit-any
      const live = (await first()).find((c) => (c.status === 'in_progress' || c.status === 'in_queue') && f.truth(c.callId) !== null)!
      expect(live.recordingUrl).toBe('')
      const states: string[] = []
      for (let i = 0; i < 60 && states.at(-1) !== 'analytics'; i++) {
        t += 5_000
        const c = (await first()).find((x) => x.callId === live.callId)!
        const state = c.postCallAnalytics ? 'analytics' : c.recordingUrl ? 'recording' : c.status
        if (state !== states.at(-1)) states.push(state)
        // A change moves the call above every call that is no longer changing.
        if (state !== live.status) expect((await first()).findIndex((x) => x.callId === live.callId)).toBeLessThan(6)
      }
      expect(states.slice(-3)).toEqual(['completed', 'recording', 'analytics'])
    } finally {
      await f.close()
    }
  })

  it('gives the same calls for the same seed', async () => {
    const [a, b] = await Promise.all([startEmulator({ calls: 40, seed: 9, now }), startEmulator({ calls: 40, seed: 9, now })])
    try {
      const page = async (e: Emulator) => (await (await fetch(e.url + '/conversation?limit=40', auth())).json()) as { data: { logs: unknown[] } }
      // Only the origin in recording URLs may differ (each emulator has its own port).
      const same = async (e: Emulator) => JSON.stringify((await page(e)).data.logs).replaceAll(`127.0.0.1:${e.port}/`, 'HOST/')
      expect(await same(a)).toBe(await same(b))
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })

  it('prints its address as the first line of the command', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--port', '0', '--calls', '100000', '--seed', '1'], { stdio: ['ignore', 'pipe', 'pipe'] })
    const line = await new Promise<string>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (d) => {
        out += d
        if (out.includes('\n')) resolve(out.split('\n')[0]!)
      })
      child.once('exit', (code) => reject(new Error(`exited ${code}`)))
    })
    expect(line).toMatch(/^Atoms emulator listening on http:\/\/127\.0\.0\.1:\d+\/atoms\/v1$/)
    const url = line.split(' on ')[1]!
    expect((await (await fetch(url + '/conversation?limit=1', auth())).json()) as object).toMatchObject({ data: { pagination: { total: expect.any(Number) } } })
    process.kill(child.pid!, 'SIGTERM')
    await new Promise((r) => child.once('exit', r))
  })

  it('refuses a bad flag with a message naming it', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', '--faults', '429:2'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let err = ''
    child.stderr.on('data', (d) => (err += d))
    const code = await new Promise((r) => child.once('exit', r))
    expect(code).toBe(2)
    expect(err).toMatch(/--faults: fault "429" needs a rate between 0 and 1/)
  })
})
