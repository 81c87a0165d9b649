// The emulator answers in the documented shapes (atoms-api.md §4.3, §5.2, §6.4) and follows the
// documented rules: the 401 body, x-request-id, org isolation, search validation and order, and
// detail lookups by callId only. Schemas are written from the documentation and checked against
// its own examples first, so a passing parse means "same keys and types as documented".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startEmulator, type Emulator } from '../../src/emulator/server'
import { DETAIL_EXAMPLE, LIST_EXAMPLE } from '../support/atomsExamples'

const KEY = 'sk_test_earmark'
const OTHER = 'sk_test_other_org'
let emu: Emulator
const get = (path: string, key = KEY) => fetch(emu.url + path, { headers: { authorization: `Bearer ${key}` } })
const search = (body: unknown, key = KEY) => fetch(emu.url + '/conversation/search', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })

const objectId = z.string().regex(/^[0-9a-f]{24}$/)
const callId = z.string().regex(/^CALL-\d{13}-[0-9a-f]{6}$/)
const configItem = z.object({ identifier: z.string(), type: z.string() })
const analytics = z.object({ summary: z.string(), dispositionMetrics: z.array(z.object({ identifier: z.string(), value: z.string(), confidence: z.number().min(0).max(1), reasoning: z.string().optional() })) })
// §3: every field is optional (a call without a reply to the caller has no latency to average).
const latency = z.object({
  turns: z.number().int(),
  avgLatency: z.number().optional(),
  medianLatency: z.number().optional(),
  minLatency: z.number().optional(),
  maxLatency: z.number().optional(),
  latencies: z.array(z.number()),
  transitions: z.array(z.object({ turn: z.number().int(), user_end: z.number(), bot_start: z.number(), latency: z.number() })).optional(),
  processedAt: z.iso.datetime(),
})
/** §5.2: a search item is a list item without dispositionMetrics, agentDispositionConfig and versionNumber. */
const searchItem = z.object({
  _id: objectId,
  callId,
  status: z.string(),
  duration: z.number(),
  from: z.string(),
  to: z.string(),
  type: z.enum(['telephony_inbound', 'telephony_outbound', 'webcall']),
  agentId: objectId,
  recordingUrl: z.string(),
  recordingDualUrl: z.string(),
  disconnectionReason: z.string().optional(),
  retryCount: z.number().int(),
  retryCallId: callId.optional(),
  retryAttemptNumber: z.number().int(),
  createdAt: z.iso.datetime(),
  callCost: z.number(),
  versionId: objectId.optional(),
  isTest: z.boolean(),
  postCallAnalytics: analytics.optional(),
  turnLatencyMetrics: latency.optional(),
})
const listItem = searchItem.extend({ dispositionMetrics: z.record(z.string(), z.string()), agentDispositionConfig: z.array(configItem), versionNumber: z.number().int().optional() })
const listData = z.object({
  logs: z.array(listItem),
  pagination: z.object({ total: z.number().int(), page: z.number().int(), limit: z.number().int(), hasMore: z.boolean(), totalPages: z.number().int() }),
  dispositionMetricsConfig: z.array(configItem),
})
/** §6.1: the detail schema names fewer list fields (the rest may come along). */
const detailData = searchItem.pick({ _id: true, callId: true, status: true, duration: true, recordingUrl: true, recordingDualUrl: true, from: true, to: true, type: true, callCost: true, disconnectionReason: true, retryCallId: true }).extend({
  agent: z.object({ _id: objectId, name: z.string(), workflowType: z.string(), slmModel: z.string() }),
  transcript: z.array(z.object({ role: z.enum(['agent', 'user']), content: z.string(), timestamp: z.iso.datetime() })),
  variables: z.record(z.string(), z.unknown()),
  events: z.array(z.object({ event_type: z.string(), event_id: z.string(), timestamp: z.iso.datetime(), call_id: callId })),
  postCallAnalytics: analytics.extend({ dispositionMetrics: z.array(analytics.shape.dispositionMetrics.element.required()) }),
  turnLatencyMetrics: latency.required(),
  voiceConfigUsed: z.object({ model: z.string(), voiceId: z.string(), gender: z.string() }),
  slmModelUsed: z.string(),
})
const ok = <T extends z.ZodType>(data: T) => z.object({ status: z.literal(true), data })

type Item = z.infer<typeof listItem>

beforeAll(async () => {
  emu = await startEmulator({ calls: 600, seed: 5, now: () => Date.UTC(2026, 10, 20, 12) })
})
afterAll(() => emu.close())

async function completedCall(): Promise<Item> {
  const body = ok(listData).parse(await (await get('/conversation?limit=100&statusFilter=completed')).json())
  return body.data.logs.find((l) => l.postCallAnalytics && (l.turnLatencyMetrics?.turns ?? 0) >= 2)!
}

describe('documented shapes', () => {
  it('the schemas written from the documentation accept its examples', () => {
    ok(listData).parse(LIST_EXAMPLE)
    ok(detailData).parse(DETAIL_EXAMPLE)
    // §5.2's example is the §4.3 item without the fields search does not enrich.
    const { dispositionMetrics: _m, agentDispositionConfig: _c, versionNumber: _v, ...found } = LIST_EXAMPLE.data.logs[0]!
    ok(z.object({ logs: z.array(searchItem.strict()), total: z.number(), requestedCount: z.number() })).parse({ status: true, data: { logs: [found], total: 1, requestedCount: 3 } })
  })

  it('sends list pages in the §4.3 shape, with and without analytics', async () => {
    const res = await get('/conversation?limit=200')
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const { data } = ok(listData).parse(await res.json())
    expect(data.pagination).toEqual({ total: data.pagination.total, page: 1, limit: 200, hasMore: true, totalPages: Math.ceil(data.pagination.total / 200) })
    const unanswered = data.logs.find((l) => l.status === 'no_answer')!
    expect(unanswered).toMatchObject({ duration: 0, recordingUrl: '', recordingDualUrl: '', disconnectionReason: 'dial_no_answer', dispositionMetrics: {}, callCost: 0 })
    expect(unanswered).not.toHaveProperty('postCallAnalytics')
    const done = data.logs.find((l) => l.postCallAnalytics)!
    expect(Object.keys(done.dispositionMetrics).sort()).toEqual(done.agentDispositionConfig.map((m) => m.identifier).sort())
    expect(data.dispositionMetricsConfig.map((m) => m.identifier)).toEqual(expect.arrayContaining(done.agentDispositionConfig.map((m) => m.identifier)))
  })

  it('sends search results in the §5.2 shape: no disposition map, config or versionNumber', async () => {
    const done = await completedCall()
    const body = ok(z.object({ logs: z.array(searchItem), total: z.number(), requestedCount: z.number() })).parse(await (await search({ callIds: [done.callId] })).json())
    expect(body.data).toMatchObject({ total: 1, requestedCount: 1 })
    for (const key of ['dispositionMetrics', 'agentDispositionConfig', 'versionNumber']) expect(body.data.logs[0]).not.toHaveProperty(key)
    const { dispositionMetrics: _m, agentDispositionConfig: _c, versionNumber: _v, ...sameFields } = done
    expect(body.data.logs[0]).toEqual(sameFields)
  })

  it('sends details in the §6.4 shape, agreeing with the list item', async () => {
    const done = await completedCall()
    const { data } = ok(detailData).parse(await (await get(`/conversation/${done.callId}`)).json())
    expect(data).toMatchObject({ callId: done.callId, status: 'completed', duration: done.duration, postCallAnalytics: done.postCallAnalytics, agent: { _id: done.agentId } })
    expect(data.variables).toMatchObject({ call_id: done.callId, timezone: expect.any(String), current_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
    expect(data.events[0]!.event_type).toBe('call_start')
    expect(data.events.map((e) => e.event_type)).toEqual(expect.arrayContaining(['user_transcription', 'tts_completed', 'turn_latency', 'call_end']))
    expect(data.turnLatencyMetrics.transitions.map((t) => t.bot_start - t.user_end)).toEqual(data.turnLatencyMetrics.latencies)
    // Analytics follow the transcript: each settled disposition quotes a line that was said.
    const said = data.transcript.map((t) => t.content)
    for (const m of data.postCallAnalytics.dispositionMetrics) {
      const quoted = /said: "(.*)"$/.exec(m.reasoning)?.[1]
      if (quoted) expect(said).toContain(quoted)
    }
  })

  it('gives calls that never connected an empty transcript', async () => {
    const { data } = (await (await get('/conversation?limit=50&statusFilter=no_answer')).json()) as { data: { logs: Item[] } }
    const { data: detail } = (await (await get(`/conversation/${data.logs[0]!.callId}`)).json()) as { data: { transcript: unknown[]; events: { event_type: string }[] } }
    expect(detail.transcript).toEqual([])
    expect(detail.events.map((e) => e.event_type)).toEqual(['call_end'])
  })
})

describe('documented rules', () => {
  it('refuses a wrong, missing or malformed key with the documented 401 body', async () => {
    for (const headers of [{ authorization: 'Bearer sk_nope' }, {}, { authorization: KEY }, { authorization: 'Basic c2s6eA==' }] as Record<string, string>[]) {
      const res = await fetch(emu.url + '/conversation', { headers })
      expect(res.status).toBe(401)
      expect(res.headers.get('x-request-id')).toBeTruthy()
      expect(await res.json()).toEqual({ status: false, errors: ['Unauthorized: User not found'] })
    }
  })

  it('answers unknown routes with the error envelope', async () => {
    const res = await get('/nothing-here')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ status: false, errors: ['Resource not found'] })
  })

  it('keeps organisations apart on every route', async () => {
    const a = emu.callIds('A')[10]!
    const b = emu.callIds('B')[0]!
    expect(await (await get(`/conversation/${a}`, OTHER)).json()).toEqual({ status: false, errors: ['Conversation not found'] })
    expect((await get(`/conversation/${a}/recording/download-url`, OTHER)).status).toBe(404)
    expect((await get(`/conversation/${a}/retries`, OTHER)).status).toBe(403)
    expect((await get(`/conversation/${b}`, OTHER)).status).toBe(200)
    const found = (await (await search({ callIds: [a, b] }, OTHER)).json()) as { data: { logs: { callId: string }[]; total: number; requestedCount: number } }
    expect(found.data).toMatchObject({ logs: [{ callId: b }], total: 1, requestedCount: 2 })
    const listed = (await (await get('/conversation?limit=500&callAttemptFilter=all', OTHER)).json()) as { data: { logs: { callId: string }[] } }
    expect(listed.data.logs.map((l) => l.callId).sort()).toEqual(emu.callIds('B').sort())
  })

  it('validates search bodies', async () => {
    const ids = emu.callIds('A')
    for (const body of [{ callIds: [] }, { callIds: ids.slice(0, 101) }, { callIds: 'CALL-1' }, { callIds: [1, 2] }, { ids: [ids[0]] }, null]) {
      const res = await search(body)
      expect(res.status, JSON.stringify(body)?.slice(0, 40)).toBe(400)
      expect(await res.json()).toMatchObject({ status: false, errors: [expect.stringMatching(/Invalid input/)] })
    }
    const raw = await fetch(emu.url + '/conversation/search', { method: 'POST', headers: { authorization: `Bearer ${KEY}` }, body: '{"callIds": [' })
    expect(raw.status).toBe(400)
    expect((await search({ callIds: ids.slice(0, 100) })).status).toBe(200)
  })

  it('returns found calls in the order asked, retries included, unknown ones left out', async () => {
    const retry = (await (await get('/conversation?limit=1&callAttemptFilter=retry')).json()) as { data: { logs: { callId: string; retryAttemptNumber: number }[] } }
    const retryId = retry.data.logs[0]!.callId
    expect(retry.data.logs[0]!.retryAttemptNumber).toBeGreaterThan(0)
    const asked = [emu.callIds('A')[3]!, 'CALL-1000000000000-ffffff', retryId, emu.callIds('A')[1]!, emu.callIds('A')[3]!]
    const { data } = (await (await search({ callIds: asked })).json()) as { data: { logs: { callId: string }[]; total: number; requestedCount: number } }
    expect(data.logs.map((l) => l.callId)).toEqual([asked[0], asked[2], asked[3]])
    expect(data).toMatchObject({ total: 3, requestedCount: 5 })
  })

  it('looks details up by callId only', async () => {
    const done = await completedCall()
    expect(await (await get(`/conversation/${done._id}`)).json()).toEqual({ status: false, errors: ['Invalid call ID format'] })
    expect((await get(`/conversation/${done._id}/recording/download-url`)).status).toBe(400)
    for (const unknown of ['CALL-1000000000000-ffffff', 'nope']) {
      const res = await get(`/conversation/${unknown}`)
      expect(res.status).toBe(404)
      expect(await res.json()).toEqual({ status: false, errors: ['Conversation not found'] })
    }
  })

  it('lists a retry family from any of its calls, root first', async () => {
    const { data } = (await (await get('/conversation?limit=1&callAttemptFilter=retry&sortBy=createdAt')).json()) as { data: { logs: { callId: string }[] } }
    const family = (await (await get(`/conversation/${data.logs[0]!.callId}/retries`)).json()) as { data: { retries: { callId: string; retryAttemptNumber: number; retryCallId?: string }[] } }
    const attempts = family.data.retries
    expect(attempts.map((r) => r.retryAttemptNumber)).toEqual(attempts.map((_, k) => k))
    attempts.slice(0, -1).forEach((r, k) => expect(r.retryCallId).toBe(attempts[k + 1]!.callId))
  })
})
