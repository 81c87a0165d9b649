// The call view's media in main against the emulator over real HTTP and a real cache: recordings
// downloaded once on demand, peaks cached, alignment cached and honouring the reviewer's channel
// choice, recording states in words, the bytes served by range, and `earmark align`.
import { writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodePeaks } from '@shared/media'
import { runCli } from '../../src/cli/main'
import type { CliIo } from '../../src/cli/io'
import { mediaResponse } from '../../src/main/media/mediaResponse'
import { createServices, type Services } from '../../src/main/services'
import { startEmulator, type Emulator } from '../../src/emulator/server'
import { tempDir } from '../support/tempDir'
import { testEncryptor } from '../support/testEncryptor'

const KEY = 'sk_test_earmark'
let emu: Emulator
let services: Services
const dir = tempDir()

const serve = (path: string, range: string | null = null) => mediaResponse(services.media, services.paths.recordings, { path, method: 'GET', range })
const ids = (where: string) => (services.store.cache.prepare(`SELECT id FROM calls WHERE ${where} ORDER BY created_ms DESC LIMIT 5`).all() as { id: string }[]).map((r) => r.id)

beforeAll(async () => {
  emu = await startEmulator({ calls: 120, seed: 31 })
  services = createServices({ dataDir: dir.path, encryptor: testEncryptor(), version: '0.1.0', electron: null })
  services.keys.set(KEY)
  services.settings.update({ baseUrl: emu.url, requestsPerSecond: 200 })
  await services.sync()!.run({ details: 'all' })
})
afterAll(async () => {
  services.close()
  await emu.close()
  dir.cleanup()
})

describe('media for the call view', () => {
  it('downloads a recording once, caches its peaks and aligns its turns', async () => {
    const id = ids("status = 'completed' AND duration_s > 20 AND has_recording = 1")[0]!
    const truth = emu.truth(id)!
    const info = await services.media.open(id)
    expect(info.recording).toEqual({ state: 'ready' })
    expect(info.kind).toBe('dual')
    expect(info.durationS).toBeCloseTo(truth.durationS, 1)
    expect(info.alignment.method).toBe('dual')
    expect(info.alignment.agentChannel).toBe(truth.agentChannel)
    expect(info.alignment.turns).toHaveLength(truth.turns.length)

    const peaks = decodePeaks(await serve(`call/${id}/dual.peaks`).arrayBuffer())
    expect(peaks.channels).toHaveLength(2)
    expect(peaks.durationS).toBeCloseTo(truth.durationS, 1)

    const before = emu.stats().requests
    const again = await services.media.open(id)
    expect(emu.stats().requests).toBe(before)
    expect(again.alignment).toEqual(info.alignment)
  })

  it('serves the recording by byte range, as the audio element asks for it', async () => {
    const id = ids("status = 'completed' AND duration_s > 20 AND has_recording = 1")[0]!
    await services.media.open(id)
    const head = serve(`call/${id}/dual`, 'bytes=0-11')
    expect(head.status).toBe(206)
    expect(head.headers.get('content-range')).toMatch(/^bytes 0-11\/\d+$/)
    expect(Buffer.from(await head.arrayBuffer()).toString('ascii', 0, 4)).toBe('RIFF')
    const whole = serve(`call/${id}/dual`)
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-type')).toBe('audio/wav')
    const size = Number(whole.headers.get('content-length'))
    await whole.body?.cancel()
    expect(serve(`call/${id}/dual`, `bytes=${size}-`).status).toBe(416)
    expect(serve(`call/${id}/dual`, 'bytes=-4').headers.get('content-range')).toBe(`bytes ${size - 4}-${size - 1}/${size}`)
  })

  it('remembers a reviewer’s agent channel for the call, across a restart, until set back to auto', async () => {
    const id = ids("status = 'completed' AND duration_s > 20 AND has_recording = 1")[1]!
    const detected = (await services.media.open(id)).alignment.agentChannel!
    const flipped = (1 - detected) as 0 | 1
    const mine = await services.media.setAgentChannel(id, flipped)
    expect(mine).toMatchObject({ agentChannel: flipped, channelSource: 'call' })
    const reopened = createServices({ dataDir: dir.path, encryptor: testEncryptor(), version: '0.1.0', electron: null })
    try {
      expect((await reopened.media.open(id)).alignment).toMatchObject({ agentChannel: flipped, channelSource: 'call' })
    } finally {
      reopened.close()
    }
    expect(await services.media.setAgentChannel(id, 'auto')).toMatchObject({ agentChannel: detected, channelSource: 'detected' })
  })

  it('analyses a recording again when its peaks are gone, and realigns when the file changes', async () => {
    const id = ids("status = 'completed' AND duration_s > 20 AND has_recording = 1")[4]!
    const first = await services.media.open(id)
    services.store.cache.prepare('UPDATE recordings SET peaks = NULL WHERE call_id = ?').run(id)
    const again = await services.media.open(id)
    expect(again.peaksUrl).not.toBeNull()
    expect(again.alignment).toEqual(first.alignment)
  })

  it('plays a WAV it cannot read, with turn times from the timestamps and a note saying so', async () => {
    const id = ids("status = 'completed' AND duration_s > 20 AND has_recording = 1")[3]!
    const local = (await services.media.open(id), services.media.local(id)!)
    // μ-law (format 7), as 8 kHz telephony recordings often are: the player can play it, main does not decode it.
    const header = Buffer.alloc(44)
    header.write('RIFF', 0, 'ascii'); header.writeUInt32LE(36 + 8000, 4); header.write('WAVEfmt ', 8, 'ascii')
    header.writeUInt32LE(16, 16); header.writeUInt16LE(7, 20); header.writeUInt16LE(1, 22); header.writeUInt32LE(8000, 24)
    header.writeUInt32LE(8000, 28); header.writeUInt16LE(1, 32); header.writeUInt16LE(8, 34); header.write('data', 36, 'ascii'); header.writeUInt32LE(8000, 40)
    writeFileSync(local.file, Buffer.concat([header, Buffer.alloc(8000, 0xff)]))
    services.store.cache.prepare('UPDATE recordings SET peaks = NULL, bytes = 8044 WHERE call_id = ?').run(id)
    const info = await services.media.open(id)
    expect(info.recording).toEqual({ state: 'ready' })
    expect(info.peaksUrl).toBeNull()
    expect(info.alignment).toMatchObject({ method: 'timestamps', note: expect.stringMatching(/could not measure speech/) })
  })

  it('says in words when a call has no recording, without asking the API', async () => {
    const id = ids("status IN ('no_answer', 'failed') AND duration_s = 0")[0]!
    const before = emu.stats().requests
    const info = await services.media.open(id)
    expect(info.recording).toMatchObject({ state: 'none', message: expect.stringMatching(/never connected/) })
    expect(info.audioUrl).toBeNull()
    expect(info.alignment.method).toBe('timestamps')
    expect(emu.stats().requests).toBe(before)
  })

  it('without a key, a recording not on disk is a failed state that says what to do', async () => {
    const id = ids("status = 'completed' AND duration_s > 20 AND has_recording = 1")[3]!
    const offline = tempDir()
    const other = createServices({ dataDir: offline.path, encryptor: testEncryptor(), version: '0.1.0', electron: null })
    try {
      other.store.calls.upsertSummaries([services.store.query.get(id)!.call], [])
      const info = await other.media.open(id)
      expect(info.recording).toMatchObject({ state: 'failed', message: expect.stringMatching(/API key/) })
    } finally {
      other.close()
      offline.cleanup()
    }
  })
})

describe('earmark align', () => {
  async function cli(...argv: string[]) {
    let stdout = ''
    let stderr = ''
    const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { EARMARK_DATA_DIR: dir.path, EARMARK_API_KEY: KEY, EARMARK_BASE_URL: emu.url }, interactive: false }
    return { code: await runCli(argv, io), stdout, stderr }
  }

  it('prints the agent channel and each turn’s start, end and confidence as JSON', async () => {
    const id = ids("status = 'completed' AND duration_s > 20 AND has_recording = 1")[2]!
    const truth = emu.truth(id)!
    const out = await cli('align', id, '--json')
    expect(out.stderr).toBe('')
    expect(out.code).toBe(0)
    const result = JSON.parse(out.stdout) as { agentChannel: number; turns: { startS: number; endS: number; confidence: number; role: string }[] }
    expect(result.agentChannel).toBe(truth.agentChannel)
    expect(result.turns.map((t) => t.role)).toEqual(truth.turns.map((t) => t.role))
    result.turns.forEach((t, k) => expect(Math.abs(t.startS - truth.turns[k]!.startS)).toBeLessThan(0.15))
  })

  it('refuses a bad flag value with exit 2 and an unknown call with exit 1', async () => {
    const bad = await cli('align', 'CALL-1-abc', '--agent-channel', '3')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--agent-channel must be one of auto, 0, 1/)
    const unknown = await cli('align', 'CALL-1-abc')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/not in the local cache/)
  })
})
