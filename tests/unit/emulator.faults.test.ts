// The emulator's injected faults and rate limit: each fault kind is observable as documented in
// src/emulator/faults.ts, the token bucket answers over-limit requests with a real 429, and
// recordings are never faulted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/server'

let emu: Emulator
const get = (path: string, key = 'sk_test_earmark') => fetch(emu.url + path, { headers: { authorization: `Bearer ${key}` } })

beforeAll(async () => {
  emu = await startEmulator({ calls: 40, seed: 2 })
})
afterAll(() => emu.close())

describe('faults', () => {
  it('504s every full-scan list request with a bare "504", and only those', async () => {
    emu.setFaults('504')
    for (const q of ['sortBy=createdAt', 'dateFrom=2026-01-01T00:00:00Z', 'dateTo=2030-01-01T00:00:00Z']) {
      const res = await get(`/conversation?${q}`)
      expect(res.status, q).toBe(504)
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      await res.text()
    }
    expect((await get('/conversation?sortBy=updatedAt')).status).toBe(200)
    emu.setFaults('504:0.5')
    const statuses = await Promise.all(Array.from({ length: 40 }, () => get('/conversation?sortBy=createdAt').then((r) => r.status)))
    expect(new Set(statuses)).toEqual(new Set([200, 504]))
  })

  it('429s in both documented body shapes, with Retry-After in seconds, as a date, or absent', async () => {
    emu.setFaults('429:1')
    const shapes = new Set<string>()
    const headers = new Set<string>()
    for (let i = 0; i < 6; i++) {
      const res = await get('/conversation')
      expect(res.status).toBe(429)
      const body = (await res.json()) as Record<string, unknown>
      if (body.code) expect(body).toEqual({ status: false, error: 'Rate limit exceeded', code: 'RATE_LIMIT_EXCEEDED', retry_after: expect.any(Number) })
      else expect(body).toEqual({ message: 'Rate limit exceeded', rateLimit: { routeClass: expect.any(String), limit: expect.any(Number), retryAfterSec: expect.any(Number) } })
      shapes.add(body.code ? 'rl' : 'oas')
      const after = res.headers.get('retry-after')
      headers.add(after === null ? 'none' : /^\d+$/.test(after) ? 'seconds' : Number.isNaN(Date.parse(after)) ? 'bad' : 'date')
    }
    expect([...shapes].sort()).toEqual(['oas', 'rl'])
    expect([...headers].sort()).toEqual(['date', 'none', 'seconds'])
  })

  it('500s with the documented envelope', async () => {
    emu.setFaults('500:1')
    const res = await get('/conversation')
    expect([res.status, await res.json()]).toEqual([500, { status: false, errors: ['Internal server error'] }])
  })

  it('resets the connection, before answering or in the middle of the body', async () => {
    emu.setFaults('reset:1')
    for (let i = 0; i < 2; i++) await expect(get('/conversation').then((r) => r.text())).rejects.toThrow()
    expect(emu.stats().faults.reset).toBe(2)
  })

  it('answers 200 with a body that is not JSON', async () => {
    emu.setFaults('malformed:1')
    for (let i = 0; i < 2; i++) {
      const res = await get('/conversation')
      expect(res.status).toBe(200)
      await expect(res.json()).rejects.toThrow()
    }
  })

  it('answers slowly but correctly', async () => {
    emu.setFaults({ slow: 1, slowMs: 50 })
    const before = emu.stats().faults.slow ?? 0
    const res = await get('/conversation?limit=3')
    expect(((await res.json()) as { data: { logs: unknown[] } }).data.logs).toHaveLength(3)
    expect(emu.stats().faults.slow).toBe(before + 1)
  })

  it('never faults recording downloads, and stops when cleared', async () => {
    emu.setFaults(null)
    const { data } = (await (await get('/conversation?limit=40&statusFilter=completed')).json()) as { data: { logs: { recordingUrl: string }[] } }
    emu.setFaults('500:1,reset:1')
    const url = data.logs.find((l) => l.recordingUrl)!.recordingUrl
    expect((await fetch(url, { headers: { range: 'bytes=0-43' } })).status).toBe(206)
    emu.setFaults(null)
    expect((await get('/conversation')).status).toBe(200)
    expect(emu.stats().byStatus[500]).toBeGreaterThan(0)
  })

  it('refuses fault specs it does not understand', () => {
    for (const bad of ['418:0.1', '429', '429:2', '500:x', 'slow:0.1:2']) expect(() => emu.setFaults(bad), bad).toThrow()
  })
})

describe('rate limit', () => {
  it('429s over the limit with a Retry-After, per key', async () => {
    const limited = await startEmulator({ calls: 10, seed: 2, rateLimit: 3 })
    try {
      const burst = await Promise.all(Array.from({ length: 8 }, () => fetch(limited.url + '/conversation', { headers: { authorization: 'Bearer sk_test_earmark' } })))
      const refused = burst.filter((r) => r.status === 429)
      expect(refused.length).toBeGreaterThanOrEqual(4)
      expect(refused[0]!.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(await refused[0]!.json()).toMatchObject({ status: false, code: 'RATE_LIMIT_EXCEEDED' })
      // Another key has its own bucket.
      expect((await fetch(limited.url + '/conversation', { headers: { authorization: 'Bearer sk_test_other_org' } })).status).toBe(200)
    } finally {
      await limited.close()
    }
  })
})
