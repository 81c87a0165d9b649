// Time in the emulator: a call in progress finishes, gets its recording, then its analytics, and
// rises to the top of the default sort at each change; the time scale speeds this up; retries and
// new calls arrive later; and the same seed and clock give the same data.
import { describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/server'

interface Item {
  callId: string
  status: string
  duration: number
  createdAt: string
  updatedAt: string
  recordingUrl: string
  disconnectionReason?: string
  retryCount: number
  retryCallId?: string
  postCallAnalytics?: object
  turnLatencyMetrics?: object
}

const auth = { headers: { authorization: 'Bearer sk_test_earmark' } }
const page = async (emu: Emulator, query = '') => ((await (await fetch(`${emu.url}/conversation?limit=100&callAttemptFilter=all${query}`, auth)).json()) as { data: { logs: Item[] } }).data.logs
const transcriptLength = async (emu: Emulator, id: string) => ((await (await fetch(`${emu.url}/conversation/${id}`, auth)).json()) as { data: { transcript: unknown[] } }).data.transcript.length
const stage = (c: Item) => (c.postCallAnalytics ? 'analytics' : c.recordingUrl ? 'recording' : c.status)

async function withEmulator(opts: Parameters<typeof startEmulator>[0], run: (emu: Emulator) => Promise<void>) {
  const emu = await startEmulator(opts)
  try {
    await run(emu)
  } finally {
    await emu.close()
  }
}

describe('lifecycle', () => {
  it('finishes a call in progress, then adds its recording, then its analytics, moving it to the top each time', async () => {
    let t = Date.UTC(2026, 10, 1)
    await withEmulator({ calls: 60, seed: 8, now: () => t }, async (emu) => {
      const live = (await page(emu)).find((c) => c.status === 'in_progress' && emu.truth(c.callId))!
      expect(live).toMatchObject({ duration: 0, recordingUrl: '' })
      expect(live).not.toHaveProperty('disconnectionReason')
      const spokenAtStart = await transcriptLength(emu, live.callId)
      const stages = [stage(live)]
      let updated = Date.parse(live.updatedAt)
      for (let step = 0; step < 900 && stages.at(-1) !== 'analytics'; step++) {
        t += 1000
        const logs = await page(emu)
        const at = logs.findIndex((c) => c.callId === live.callId)
        const c = logs[at]!
        expect(Date.parse(c.updatedAt)).toBeGreaterThanOrEqual(updated)
        if (stage(c) === stages.at(-1)) continue
        stages.push(stage(c))
        updated = Date.parse(c.updatedAt)
        expect(updated).toBeGreaterThan(t - 1000)
        // Only calls that changed in the same step may be above it.
        expect(logs.slice(0, at).every((x) => Date.parse(x.updatedAt) > t - 1000)).toBe(true)
        if (stage(c) === 'completed') expect(c).toMatchObject({ duration: emu.truth(live.callId)!.durationS, disconnectionReason: expect.any(String), recordingUrl: '' })
        if (stage(c) === 'recording') expect((await fetch(`${emu.url}/conversation/${c.callId}/recording/download-url`, auth)).status).toBe(200)
      }
      expect(stages).toEqual(['in_progress', 'completed', 'recording', 'analytics'])
      expect(await transcriptLength(emu, live.callId)).toBeGreaterThan(spokenAtStart)
      expect(await transcriptLength(emu, live.callId)).toBe(emu.truth(live.callId)!.turns.length)
    })
  })

  it('runs the lifecycle faster with a time scale, and retries appear on their root', async () => {
    let t = Date.UTC(2026, 10, 1)
    await withEmulator({ calls: 400, seed: 12, now: () => t, timeScale: 120 }, async (emu) => {
      const before = await page(emu)
      expect(before.some((c) => c.status === 'in_progress' || c.status === 'in_queue')).toBe(true)
      const ids = emu.callIds().length
      t += 30_000 // an hour of emulator time
      const after = await page(emu)
      expect(after.filter((c) => ['in_progress', 'in_queue'].includes(c.status)).map((c) => c.callId)).toEqual([])
      // Unanswered recent calls were retried meanwhile: the retry exists and its root points at it.
      expect(emu.callIds().length).toBeGreaterThan(ids)
      const retried = after.filter((c) => c.retryCallId && !before.find((b) => b.callId === c.callId)?.retryCallId)
      expect(retried.length).toBeGreaterThan(0)
      for (const c of retried) expect(emu.callIds()).toContain(c.retryCallId)
    })
  })

  it('lets new calls arrive over time when asked', async () => {
    let t = Date.UTC(2026, 10, 1)
    await withEmulator({ calls: 30, seed: 4, now: () => t, arrivalEveryS: 60 }, async (emu) => {
      const ids = new Set(emu.callIds())
      t += 20 * 60_000
      const arrived = emu.callIds().filter((id) => !ids.has(id))
      expect(arrived.length).toBeGreaterThanOrEqual(8)
      const newest = await page(emu, '&sortBy=createdAt')
      expect(newest.slice(0, arrived.length).map((c) => c.callId).sort()).toEqual(arrived.sort())
      expect(newest.every((c) => Date.parse(c.createdAt) <= t)).toBe(true)
    })
  })
})

describe('determinism', () => {
  it('gives the same data for the same seed and clock, and other data for another seed', async () => {
    const now = () => Date.UTC(2026, 5, 1)
    const [a, b, c] = await Promise.all([startEmulator({ calls: 80, seed: 9, now }), startEmulator({ calls: 80, seed: 9, now }), startEmulator({ calls: 80, seed: 10, now })])
    try {
      // Only the origin of recording links differs (each emulator has its own port).
      const firstPage = async (e: Emulator) => JSON.stringify(await page(e)).replaceAll(`127.0.0.1:${e.port}/`, 'HOST/')
      expect(await firstPage(a)).toBe(await firstPage(b))
      const id = a.callIds()[5]!
      const detail = async (e: Emulator) => (await (await fetch(`${e.url}/conversation/${id}`, auth)).text()).replaceAll(`127.0.0.1:${e.port}/`, 'HOST/')
      expect(await detail(a)).toBe(await detail(b))
      expect(a.truth(id)).toEqual(b.truth(id))
      expect(c.callIds()).not.toContain(id)
    } finally {
      await Promise.all([a.close(), b.close(), c.close()])
    }
  })
})
