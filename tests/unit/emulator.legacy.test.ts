// Payload shapes: legacy mode sends every old shape of atoms-api.md §13 (string or numeric-stamp
// transcripts, average_*_latency, "chat", "busy", agentName, no totalPages, disposition metrics as
// array or map); normal mode sends none of them but adds unknown fields a tolerant client ignores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/server'

type Item = Record<string, unknown> & { callId: string; status: string; type: string; postCallAnalytics?: { dispositionMetrics: unknown } }
type ListBody = { data: { logs: Item[]; pagination: Record<string, unknown> } }

const auth = { headers: { authorization: 'Bearer sk_test_earmark' } }
const list = async (emu: Emulator, query: string) => (await (await fetch(`${emu.url}/conversation?limit=500&callAttemptFilter=all&${query}`, auth)).json()) as ListBody
const detail = async (emu: Emulator, id: string) => ((await (await fetch(`${emu.url}/conversation/${id}`, auth)).json()) as { data: { transcript: unknown[] } }).data

let legacy: Emulator
let current: Emulator
beforeAll(async () => {
  const now = () => Date.UTC(2026, 10, 20, 12)
  ;[legacy, current] = await Promise.all([startEmulator({ calls: 400, seed: 4, now, legacy: true }), startEmulator({ calls: 400, seed: 4, now })])
})
afterAll(() => Promise.all([legacy.close(), current.close()]))

describe('legacy mode', () => {
  it('sends the old list shapes', async () => {
    const { data } = await list(legacy, '')
    expect(data.pagination).not.toHaveProperty('totalPages')
    expect(data.pagination).toMatchObject({ total: expect.any(Number), hasMore: expect.any(Boolean) })
    expect(data.logs.every((l) => typeof l.agentName === 'string')).toBe(true)
    expect(data.logs.some((l) => l.type === 'chat')).toBe(true)
    expect(data.logs.some((l) => l.type === 'webcall')).toBe(false)
    expect(data.logs.some((l) => l.status === 'busy')).toBe(true)
    const analysed = data.logs.filter((l) => l.postCallAnalytics)
    expect(analysed.length).toBeGreaterThan(10)
    for (const l of analysed) {
      expect(l).not.toHaveProperty('turnLatencyMetrics')
      expect(l).toMatchObject({ average_transcriber_latency: expect.any(Number), average_agent_latency: expect.any(Number), average_synthesizer_latency: expect.any(Number) })
    }
    const shapes = (pick: (l: Item) => unknown) => new Set(analysed.map((l) => (Array.isArray(pick(l)) ? 'array' : 'map')))
    expect(shapes((l) => l.dispositionMetrics)).toEqual(new Set(['array', 'map']))
    expect(shapes((l) => l.postCallAnalytics!.dispositionMetrics)).toEqual(new Set(['array', 'map']))
  })

  it('filters by the old names', async () => {
    const chats = (await list(legacy, 'callTypes=chat')).data.logs
    expect(chats.length).toBeGreaterThan(0)
    expect(chats.every((l) => l.type === 'chat')).toBe(true)
    const busy = (await list(legacy, 'statusFilter=busy')).data.logs
    expect(busy.length).toBeGreaterThan(0)
    expect(busy.every((l) => l.status === 'busy')).toBe(true)
  })

  it('sends transcripts as strings, with numeric offsets, or with ISO timestamps', async () => {
    const completed = (await list(legacy, 'statusFilter=completed')).data.logs.slice(0, 12)
    const firsts = await Promise.all(completed.map(async (l) => (await detail(legacy, l.callId)).transcript[0]))
    const kind = (t: unknown) => (typeof t === 'string' ? 'string' : typeof (t as { timestamp: unknown }).timestamp === 'number' ? 'offset' : 'iso')
    expect(new Set(firsts.map(kind))).toEqual(new Set(['string', 'offset', 'iso']))
    const offset = firsts.find((t) => kind(t) === 'offset') as { role: string; content: string; timestamp: number }
    expect(offset).toEqual({ role: 'agent', content: expect.any(String), timestamp: expect.any(Number) })
    expect(offset.timestamp).toBeGreaterThan(0)
    expect(firsts.find((t) => typeof t === 'string')).toMatch(/^(Agent|User): /)
  })
})

describe('current mode', () => {
  it('sends none of the old shapes, plus fields a client must ignore', async () => {
    const { data } = await list(current, '')
    expect(data.pagination).toHaveProperty('totalPages')
    expect(data.logs.some((l) => l.type === 'chat' || l.status === 'busy')).toBe(false)
    expect(data.logs.some((l) => l.type === 'webcall')).toBe(true)
    for (const l of data.logs.filter((x) => x.postCallAnalytics)) {
      expect(l).not.toHaveProperty('average_agent_latency')
      expect(Array.isArray(l.postCallAnalytics!.dispositionMetrics)).toBe(true)
      expect(Array.isArray(l.dispositionMetrics)).toBe(false)
    }
    expect(data.logs[0]).toMatchObject({ agentName: expect.any(String), updatedAt: expect.any(String), region: expect.any(String) })
    expect((await list(current, 'statusFilter=busy')).data.logs).toEqual([])
  })
})
