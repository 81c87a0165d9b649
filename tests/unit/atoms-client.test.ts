// The Atoms client over real HTTP on 127.0.0.1, payload side: the documented examples and the old
// shapes mapped to the domain, the list query on the wire, search batching and order, and items
// that cannot be read reported without losing the rest of the page.
import { describe, expect, it } from 'vitest'
import { AtomsClient } from '../../src/main/atoms/client'
import { DETAIL_EXAMPLE, DOWNLOAD_URL_EXAMPLE, LIST_EXAMPLE, SEARCH_EXAMPLE, SEARCH_REQUEST_EXAMPLE } from '../support/atomsExamples'
import { json, KEY, LEGACY_DETAIL, LEGACY_ITEM, MIRROR_DETAIL, ok, queryOf, setup } from './atoms-fixtures'

const FIRST = 'CALL-1767268800123-9f3a2c'

describe('GET /conversation', () => {
  it('maps the documented example (§4.3)', async () => {
    const { client } = await setup((_r, res) => json(res, 200, LIST_EXAMPLE))
    const page = await client.listCalls({})
    expect(page).toMatchObject({ total: 37, page: 1, limit: 2, hasMore: true, totalPages: 19, issues: [] })
    expect(page.raw).toEqual(LIST_EXAMPLE.data.logs)
    const [a, b] = page.calls
    expect(a).toEqual({
      id: FIRST, dbId: '6776b1c4e1f2a3b4c5d6e7f8', status: 'completed', type: 'telephony_outbound', durationS: 94.6,
      from: '+14155550123', to: '+14155559876', agentId: '6774f1a2b3c4d5e6f7a8b9c0', agentName: null, campaignId: null,
      createdAt: '2026-01-01T12:00:00.123Z', updatedAt: null, disconnectReason: 'user_hangup', failureReason: null, costCredits: 1.42,
      recordingUrl: LIST_EXAMPLE.data.logs[0].recordingUrl, recordingDualUrl: LIST_EXAMPLE.data.logs[0].recordingDualUrl,
      retryCount: 0, retryAttemptNumber: 0, retryCallId: null, isTest: false, versionId: '6774f1a2b3c4d5e6f7a8b9d1', versionNumber: 3,
      dispositions: { call_resolved: 'resolved', customer_name: 'Priya' },
      summary: 'The agent confirmed the delivery address and the customer agreed to the new slot.',
      dispositionResults: [
        { identifier: 'call_resolved', value: 'resolved', confidence: 0.95, reasoning: null },
        { identifier: 'customer_name', value: 'Priya', confidence: 1, reasoning: null },
      ],
      latency: {
        turns: 6, avgMs: 812, medianMs: 790.5, minMs: 610, maxMs: 1104, perTurnMs: [1104, 790, 610, 802, 775, 791],
        transitions: [], processedAt: '2026-01-01T12:01:52.400Z', legacy: null,
      },
    })
    // Empty recording URLs mean "not available yet"; an empty map gives no dispositions.
    expect(b).toMatchObject({ id: 'CALL-1767269000456-1b7e90', status: 'no_answer', recordingUrl: null, recordingDualUrl: null, dispositions: {}, dispositionResults: [], retryCallId: 'CALL-1767269900789-c40d11', latency: null, summary: null })
  })

  it('sends every filter as one comma-joined string, clamps limit and always sends it', async () => {
    const { server, client } = await setup((_r, res) => json(res, 200, LIST_EXAMPLE))
    await client.listCalls({
      page: 2, limit: 900, agentIds: ['a1', 'a2'], campaignIds: ['c1'], callTypes: ['webcall', 'chat'], search: '+1415',
      statuses: ['completed', 'no_answer'], disconnectReasons: ['user_hangup', 'timeout'], callAttempts: ['initial', 'retry'],
      durations: ['0-30', '5+'], versionIds: ['v1'], sortBy: 'callDuration', sortOrder: 'asc', dateFrom: '2026-01-01T00:00:00Z', dateTo: '2026-01-31T00:00:00Z',
    })
    expect(queryOf(server)).toEqual({
      page: '2', limit: '500', agentIds: 'a1,a2', campaignIds: 'c1', callTypes: 'webcall,chat', search: '+1415',
      statusFilter: 'completed,no_answer', disconnectReasonFilter: 'user_hangup,timeout', callAttemptFilter: 'initial,retry',
      durationFilter: '0-30,5+', versionFilter: 'v1', sortBy: 'callDuration', sortOrder: 'asc', dateFrom: '2026-01-01T00:00:00Z', dateTo: '2026-01-31T00:00:00Z',
    })
    await client.listCalls({ limit: 0, agentIds: [] })
    expect(queryOf(server, 1)).toEqual({ page: '1', limit: '1' })
    await client.listCalls({})
    expect(queryOf(server, 2)).toEqual({ page: '1', limit: '100' })
  })

  it('sends the bearer key and identifies itself', async () => {
    const { server, client } = await setup((_r, res) => json(res, 200, LIST_EXAMPLE))
    await client.listCalls({})
    expect(server.seen[0]!.headers).toMatchObject({ authorization: `Bearer ${KEY}`, accept: 'application/json', 'x-source': 'earmark', 'user-agent': expect.stringMatching(/^earmark\//) })
  })

  it('skips an unreadable item, names the call and the field, and keeps the rest of the page', async () => {
    const good = LIST_EXAMPLE.data.logs[0]
    const logs = [
      good,
      { ...LIST_EXAMPLE.data.logs[1], status: 7 },
      { status: 'completed', createdAt: '2026-01-01T00:00:00Z' },
      { callId: 'CALL-1767269000999-000bad', status: 'completed', createdAt: 'yesterday' },
      { callId: 'CALL-1767269000998-000bad', status: 'completed', createdAt: '2026-01-01T00:00:00Z', duration: 'long' },
      'not an object',
      { ...good, callId: 'CALL-1767269000997-00good' },
    ]
    const { client } = await setup((_r, res) => json(res, 200, ok({ logs, pagination: { total: 7, page: 1, limit: 10, hasMore: false } })))
    const page = await client.listCalls({ limit: 10 })
    expect(page.calls.map((c) => c.id)).toEqual([FIRST, 'CALL-1767269000997-00good'])
    expect(page.raw).toEqual([good, logs[6]])
    expect(page.issues).toEqual([
      { callId: 'CALL-1767269000456-1b7e90', field: 'status', message: 'is not text' },
      { callId: null, field: 'callId', message: 'is missing' },
      { callId: 'CALL-1767269000999-000bad', field: 'createdAt', message: 'is not a date' },
      { callId: 'CALL-1767269000998-000bad', field: 'duration', message: 'is not a number' },
      { callId: null, field: '(item)', message: 'is not an object' },
    ])
    expect(page).toMatchObject({ total: 7, totalPages: 1, hasMore: false })
  })

  it('reads the old shapes: chat, busy, agentName, average_* latencies, dispositions as array and map, epoch-ms dates', async () => {
    const future = { ...LIST_EXAMPLE.data.logs[0], callId: 'CALL-1767268800124-000001', status: 'blocked', type: 'whatsapp_voice', disconnectionReason: 'voicemail', updatedAt: 'not a date', campaignId: 42 }
    const { client } = await setup((_r, res) => json(res, 200, ok({ logs: [LEGACY_ITEM, future], pagination: { total: 41, page: 3, limit: 2, hasMore: true } })))
    const page = await client.listCalls({ page: 3, limit: 2 })
    expect(page.issues).toEqual([])
    expect(page.totalPages).toBe(21) // computed: the old pagination had no totalPages
    const [old, next] = page.calls
    expect(old).toMatchObject({
      status: 'busy', type: 'chat', durationS: 12.5, from: '', to: '', agentName: 'Old Agent', recordingUrl: null,
      createdAt: new Date(1700000000000).toISOString(), summary: 'Old summary',
      dispositions: { call_resolved: 'true' },
      dispositionResults: [{ identifier: 'call_resolved', value: 'yes', confidence: null, reasoning: null }, { identifier: 'score', value: '4', confidence: null, reasoning: null }],
      latency: { avgMs: null, perTurnMs: [], legacy: { transcriber: 0.75, agent: 1.2, synthesizer: 0.9 } },
    })
    expect(page.raw[0]).toEqual(LEGACY_ITEM) // unknown fields kept for the cache
    // Unknown enum values are kept as sent; an inferred field of the wrong type is read as absent.
    expect(next).toMatchObject({ status: 'blocked', type: 'whatsapp_voice', disconnectReason: 'voicemail', updatedAt: null, campaignId: '42' })
  })

  it('works out paging when the pagination object is missing', async () => {
    const logs = Array.from({ length: 3 }, (_, i) => ({ callId: `CALL-176726880000${i}-aaaaaa`, status: 'completed', createdAt: '2026-01-01T00:00:00Z' }))
    const { client } = await setup((req, res) => json(res, 200, ok({ logs: req.url.includes('page=2') ? logs.slice(0, 1) : logs })))
    expect(await client.listCalls({ limit: 3 })).toMatchObject({ page: 1, limit: 3, hasMore: true, total: 3 })
    expect(await client.listCalls({ page: 2, limit: 3 })).toMatchObject({ page: 2, hasMore: false, total: 4, totalPages: 2 })
  })

  it('explains a list without a "logs" array', async () => {
    const { client } = await setup((_r, res) => json(res, 200, ok({ calls: [] })))
    await expect(client.listCalls({})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/"logs"/) })
  })
})

describe('GET /conversation/{id}', () => {
  it('maps the documented example (§6.4) and returns the raw data', async () => {
    const { server, client } = await setup((_r, res) => json(res, 200, DETAIL_EXAMPLE))
    const { call, raw } = await client.getCall(FIRST)
    expect(server.seen[0]!.url).toBe(`/atoms/v1/conversation/${FIRST}`)
    expect(raw).toEqual(DETAIL_EXAMPLE.data)
    expect(call.transcript).toHaveLength(4)
    expect(call.transcript[1]).toEqual({ index: 1, role: 'user', text: 'Yes, speaking.', at: '2026-01-01T12:00:07.935Z', offsetMs: null })
    expect(call.latency?.transitions).toEqual([
      { turn: 1, userEndMs: 1767268807936, botStartMs: 1767268809040, latencyMs: 1104 },
      { turn: 2, userEndMs: 1767268814512, botStartMs: 1767268815302, latencyMs: 790 },
    ])
    expect(call.dispositionResults[0]).toEqual({ identifier: 'call_resolved', value: 'resolved', confidence: 0.95, reasoning: 'The customer accepted the new slot.' })
    expect(call.dispositions).toEqual({ call_resolved: 'resolved', customer_name: 'Priya' })
    expect(call).toMatchObject({
      agentId: '6774f1a2b3c4d5e6f7a8b9c0', agentName: 'Delivery Reschedule Agent', slmModel: 'electron',
      voice: { model: 'waves_lightning_v3_1', voiceId: 'nyah', gender: 'female' }, disconnectReason: 'user_hangup',
      variables: { customer_name: 'Priya', timezone: 'America/Los_Angeles' },
    })
    expect(call.agent?.raw).toEqual(DETAIL_EXAMPLE.data.agent)
    expect(call.events.map((e) => e.event_type)).toEqual(['call_start', 'user_transcription', 'turn_latency', 'call_end'])
    // The detail has no createdAt: it falls back to the time inside the call id.
    expect(call.createdAt).toBe(new Date(1767268800123).toISOString())
  })

  it('reads transcripts as plain strings: a speaker prefix names the role, else it is unknown', async () => {
    const { client } = await setup((_r, res) => json(res, 200, ok(LEGACY_DETAIL)))
    const { call } = await client.getCall(LEGACY_DETAIL.callId)
    expect(call.transcript.map((t) => [t.role, t.text, t.at, t.offsetMs])).toEqual([
      ['agent', 'Hello there', null, null],
      ['user', 'Hi', null, null],
      ['unknown', 'no speaker here', null, null],
      ['agent', 'Bye', null, null],
    ])
  })

  it('reads numeric timestamps as offsets from the call start and keeps other roles', async () => {
    const { client } = await setup((_r, res) => json(res, 200, ok(MIRROR_DETAIL)))
    const { call } = await client.getCall(MIRROR_DETAIL.callId)
    expect(call.transcript).toEqual([
      { index: 0, role: 'agent', text: 'Hi', at: null, offsetMs: 1500 },
      { index: 1, role: 'user', text: 'Hello', at: null, offsetMs: 3200 },
      { index: 2, role: 'tool', text: '{"ok":true}', at: null, offsetMs: null },
    ])
    expect(call).toMatchObject({ type: 'webcall', durationS: 0, latency: null, agent: null, voice: null, events: [], variables: {} })
  })

  it('explains a detail it cannot read, naming the call and the field', async () => {
    const { client } = await setup((_r, res) => json(res, 200, ok({ callId: FIRST, status: 'completed', transcript: 'not a list' })))
    await expect(client.getCall(FIRST)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: `The Atoms API sent call ${FIRST} in a shape Earmark cannot read: "transcript" is not a list.` })
    const turns = await setup((_r, res) => json(res, 200, ok({ callId: FIRST, status: 'completed', transcript: ['Hi', 42] })))
    await expect(turns.client.getCall(FIRST)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('"transcript.1" is not a turn') })
    const empty = await setup((_r, res) => json(res, 200, ok(null)))
    await expect(empty.client.getCall(FIRST)).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(FIRST) })
  })

  it('refuses an empty call id without a request', async () => {
    const { server, client } = await setup((_r, res) => json(res, 200, DETAIL_EXAMPLE))
    await expect(client.getCall(' ')).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(server.seen).toHaveLength(0)
  })
})

describe('POST /conversation/search', () => {
  it('maps the documented example (§5.2) and lists the ids not returned', async () => {
    const { server, client } = await setup((_r, res) => json(res, 200, SEARCH_EXAMPLE))
    const result = await client.searchCalls([...SEARCH_REQUEST_EXAMPLE.callIds])
    expect(JSON.parse(server.seen[0]!.body)).toEqual(SEARCH_REQUEST_EXAMPLE)
    expect(server.seen[0]!.headers['content-type']).toBe('application/json')
    expect(result.calls.map((c) => [c.id, c.retryAttemptNumber, c.versionNumber])).toEqual([[FIRST, 0, null], ['CALL-1767269900789-c40d11', 1, null]])
    expect(result).toMatchObject({ requested: 3, missing: ['CALL-1767270000000-ffffff'], issues: [] })
    expect(result.calls[0]!.latency).toMatchObject({ turns: 6, avgMs: 812, medianMs: null })
    expect(result.raw).toEqual(SEARCH_EXAMPLE.data.logs)
  })

  it('splits 250 ids into requests of at most 100 and merges them in the order asked', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `CALL-1767268800${String(i).padStart(3, '0')}-aaaaaa`)
    const { server, client } = await setup((req, res) => {
      const asked = (JSON.parse(req.body) as { callIds: string[] }).callIds
      // The server drops every tenth id and answers in reverse: the client restores the order.
      const found = asked.filter((_, i) => i % 10 !== 3).reverse()
      json(res, 200, ok({ logs: found.map((callId) => ({ callId, status: 'completed', createdAt: '2026-01-01T00:00:00Z' })), total: found.length, requestedCount: asked.length }))
    })
    const result = await client.searchCalls([...ids, ids[0]!, ids[120]!, ''])
    const batches = server.seen.map((s) => (JSON.parse(s.body) as { callIds: string[] }).callIds)
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50])
    expect(batches.flat()).toEqual(ids)
    const expected = ids.filter((_, i) => i % 100 % 10 !== 3)
    expect(result.calls.map((c) => c.id)).toEqual(expected)
    expect(result.raw.map((r) => r.callId)).toEqual(expected)
    expect(result.missing).toEqual(ids.filter((_, i) => i % 100 % 10 === 3))
    expect(result.requested).toBe(250)
  })

  it('asks nothing for no ids', async () => {
    const { server, client } = await setup((_r, res) => json(res, 200, SEARCH_EXAMPLE))
    expect(await client.searchCalls([])).toEqual({ calls: [], raw: [], requested: 0, missing: [], issues: [] })
    expect(server.seen).toHaveLength(0)
  })

  it('reports an unreadable search item without counting it as missing', async () => {
    const bad = { ...SEARCH_EXAMPLE.data.logs[1], createdAt: null }
    const { client } = await setup((_r, res) => json(res, 200, ok({ logs: [SEARCH_EXAMPLE.data.logs[0], bad], total: 2, requestedCount: 2 })))
    const result = await client.searchCalls([FIRST, bad.callId])
    expect(result.calls.map((c) => c.id)).toEqual([FIRST])
    expect(result.issues).toEqual([{ callId: bad.callId, field: 'createdAt', message: expect.any(String) }])
    expect(result.missing).toEqual([])
  })
})

describe('recording link, key check and base URL', () => {
  it('returns the presigned URL of the documented example (§7)', async () => {
    const { server, client } = await setup((_r, res) => json(res, 200, DOWNLOAD_URL_EXAMPLE))
    expect(await client.getRecordingDownloadUrl(FIRST)).toBe(DOWNLOAD_URL_EXAMPLE.data.presignedUrl)
    expect(server.seen[0]!.url).toBe(`/atoms/v1/conversation/${FIRST}/recording/download-url`)
  })

  it('says which recording was not found', async () => {
    const { client } = await setup((_r, res) => json(res, 404, { status: false, errors: ['No recording'] }))
    await expect(client.getRecordingDownloadUrl(FIRST)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/recording of call CALL-1767268800123-9f3a2c was not found.*No recording/) })
  })

  it('checks the key with one cheap request', async () => {
    const { server, client } = await setup((_r, res) => json(res, 200, ok({ logs: [], pagination: { total: 0, page: 1, limit: 1, hasMore: false } })))
    await client.checkKey()
    expect(queryOf(server)).toEqual({ page: '1', limit: '1' })
  })

  it('accepts http(s) base URLs with a trailing slash and refuses others', () => {
    expect(new AtomsClient({ apiKey: KEY, baseUrl: 'https://api.example.test/atoms/v1/' }).baseUrl).toBe('https://api.example.test/atoms/v1')
    expect(new AtomsClient({ apiKey: KEY }).baseUrl).toBe('https://api.smallest.ai/atoms/v1')
    for (const bad of ['file:///etc/passwd', 'not a url', 'https://api.example.test/atoms/v1?x=1', 'https://u:p@api.example.test/']) {
      expect(() => new AtomsClient({ apiKey: KEY, baseUrl: bad }), bad).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    }
  })
})
