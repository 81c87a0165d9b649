// Recordings in the emulator: presigned links that work until they expire (emulator clock) and
// refuse tampering; stable links; valid WAV files, byte ranges equal to the same bytes of the whole
// file; speech where the ground truth says, on the agent's channel for agent turns and on the
// other for the caller's; and transcript timestamps that relate to the recording as the truth says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type CallTruth, type Emulator } from '../../src/emulator/server'

interface Item {
  callId: string
  _id: string
  status: string
  duration: number
  createdAt: string
  recordingUrl: string
  recordingDualUrl: string
}

let emu: Emulator
let clock = Date.UTC(2026, 10, 20, 12)
let calls: Item[] = []
const get = (path: string) => fetch(emu.url + path, { headers: { authorization: 'Bearer sk_test_earmark' } })
const bytes = async (url: string, init?: RequestInit) => Buffer.from(await (await fetch(url, init)).arrayBuffer())

beforeAll(async () => {
  emu = await startEmulator({ calls: 300, seed: 3, now: () => clock })
  calls = ((await (await get('/conversation?limit=300&callAttemptFilter=all')).json()) as { data: { logs: Item[] } }).data.logs
})
afterAll(() => emu.close())

/** A completed call of 20-90 s with both channel layouts represented among the picks. */
const pick = (channel: 0 | 1) => calls.find((c) => c.status === 'completed' && c.duration > 20 && c.duration < 90 && emu.truth(c.callId)!.agentChannel === channel)!

function parseWav(buf: Buffer) {
  expect(buf.toString('ascii', 0, 4)).toBe('RIFF')
  expect(buf.readUInt32LE(4)).toBe(buf.length - 8)
  expect(buf.toString('ascii', 8, 16)).toBe('WAVEfmt ')
  const fmt = { format: buf.readUInt16LE(20), channels: buf.readUInt16LE(22), sampleRate: buf.readUInt32LE(24), byteRate: buf.readUInt32LE(28), blockAlign: buf.readUInt16LE(32), bits: buf.readUInt16LE(34) }
  expect(buf.toString('ascii', 36, 40)).toBe('data')
  const dataBytes = buf.readUInt32LE(40)
  expect(dataBytes).toBe(buf.length - 44)
  expect(fmt.byteRate).toBe(fmt.sampleRate * fmt.blockAlign)
  const samples = new Int16Array(buf.buffer.slice(buf.byteOffset + 44, buf.byteOffset + buf.length))
  return { ...fmt, durationS: dataBytes / fmt.blockAlign / fmt.sampleRate, samples }
}

/** Mean absolute sample value of one channel between two instants. */
function level(wav: ReturnType<typeof parseWav>, channel: number, fromS: number, toS: number): number {
  let sum = 0
  const [a, b] = [Math.floor(fromS * wav.sampleRate), Math.floor(toS * wav.sampleRate)]
  for (let n = a; n < b; n++) sum += Math.abs(wav.samples[n * wav.channels + channel]!)
  return sum / Math.max(1, b - a)
}

/** Stretches of a turn no other turn overlaps, shrunk a little at both ends. */
function clearStretches(truth: CallTruth) {
  return truth.turns.flatMap((t) => {
    const overlapped = truth.turns.some((o) => o !== t && o.startS < t.endS && o.endS > t.startS)
    return overlapped || t.endS - t.startS < 0.8 ? [] : [{ role: t.role, fromS: t.startS + 0.1, toS: t.endS - 0.1 }]
  })
}

describe('recordings', () => {
  it('serves a stable dual recording as a valid stereo WAV with each voice on its channel', async () => {
    for (const channel of [0, 1] as const) {
      const call = pick(channel)
      const truth = emu.truth(call.callId)!
      const wav = parseWav(await bytes(call.recordingDualUrl))
      expect(wav).toMatchObject({ format: 1, channels: 2, sampleRate: 16000, bits: 16, blockAlign: 4 })
      expect(wav.durationS).toBeCloseTo(truth.durationS, 3)
      expect(call.duration).toBe(truth.durationS)
      const stretches = clearStretches(truth)
      expect(stretches.some((s) => s.role === 'agent') && stretches.some((s) => s.role === 'user')).toBe(true)
      for (const s of stretches) {
        const speaker = s.role === 'agent' ? truth.agentChannel : 1 - truth.agentChannel
        const speech = level(wav, speaker, s.fromS, s.toS)
        const quiet = level(wav, 1 - speaker, s.fromS, s.toS)
        expect(speech, `${s.role} at ${s.fromS}s`).toBeGreaterThan(500)
        expect(quiet, `the other channel at ${s.fromS}s`).toBeLessThan(speech / 10)
        expect(quiet, 'a noise floor, not digital silence').toBeGreaterThan(0)
      }
    }
  })

  it('puts the agent on the channel it is told to', async () => {
    const fixed = await startEmulator({ calls: 40, seed: 3, agentChannel: 1, now: () => clock })
    try {
      const ids = fixed.callIds().filter((id) => fixed.truth(id))
      expect(ids.length).toBeGreaterThan(10)
      expect(new Set(ids.map((id) => fixed.truth(id)!.agentChannel))).toEqual(new Set([1]))
      const truth = fixed.truth(ids[0]!)!
      const wav = parseWav(await bytes(`${fixed.url.replace('/atoms/v1', '')}/call-recordings/${ids[0]}/dual.wav`))
      const agent = clearStretches(truth).find((s) => s.role === 'agent')!
      expect(level(wav, 1, agent.fromS, agent.toS)).toBeGreaterThan(10 * level(wav, 0, agent.fromS, agent.toS))
    } finally {
      await fixed.close()
    }
  })

  it('serves the composite recording as the mono mix', async () => {
    const call = pick(0)
    const truth = emu.truth(call.callId)!
    const wav = parseWav(await bytes(call.recordingUrl))
    expect(wav).toMatchObject({ channels: 1, sampleRate: 16000, bits: 16 })
    for (const s of clearStretches(truth)) expect(level(wav, 0, s.fromS, s.toS)).toBeGreaterThan(500)
    const silence = { fromS: 0, toS: truth.turns[0]!.startS - 0.05 }
    expect(level(wav, 0, silence.fromS, silence.toS)).toBeLessThan(200)
  })

  it('answers byte ranges with 206 and the same bytes as the whole file', async () => {
    const url = pick(1).recordingDualUrl
    const whole = await bytes(url)
    for (const [range, start, end] of [['bytes=0-99', 0, 100], ['bytes=43-1000', 43, 1001], ['bytes=12345-', 12345, whole.length], ['bytes=-777', whole.length - 777, whole.length]] as const) {
      const res = await fetch(url, { headers: { range } })
      expect(res.status, range).toBe(206)
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end - 1}/${whole.length}`)
      expect(res.headers.get('content-type')).toBe('audio/wav')
      expect(Buffer.from(await res.arrayBuffer()).equals(whole.subarray(start, end)), range).toBe(true)
    }
    const beyond = await fetch(url, { headers: { range: `bytes=${whole.length}-` } })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe(`bytes */${whole.length}`)
    const head = await fetch(url, { method: 'HEAD' })
    expect([head.status, head.headers.get('content-length'), head.headers.get('accept-ranges')]).toEqual([200, String(whole.length), 'bytes'])
    // A range the server may ignore (several at once) gets the whole file.
    expect((await fetch(url, { headers: { range: 'bytes=0-1,5-6' } })).status).toBe(200)
  })

  it('has no recording before a call ends, nor for calls that never connected', async () => {
    const live = calls.find((c) => c.status === 'in_progress' && emu.truth(c.callId))!
    expect(live.recordingUrl).toBe('')
    expect((await get(`/conversation/${live.callId}/recording/download-url`)).status).toBe(404)
    const unanswered = calls.find((c) => c.status === 'no_answer')!
    expect(await (await get(`/conversation/${unanswered.callId}/recording/download-url`)).json()).toMatchObject({ status: false, errors: [expect.any(String)] })
    expect((await fetch(pick(0).recordingUrl.replace(pick(0).callId, unanswered.callId))).status).toBe(404)
  })

  it('stamps agent turns at their speech start and caller turns just after their speech ends', async () => {
    const call = pick(1)
    const truth = emu.truth(call.callId)!
    const start = Date.parse(truth.recordingStartIso)
    expect(start - Date.parse(call.createdAt)).toBeGreaterThanOrEqual(1000)
    expect(start - Date.parse(call.createdAt)).toBeLessThanOrEqual(8000)
    const { data } = (await (await get(`/conversation/${call.callId}`)).json()) as { data: { transcript: { role: string; timestamp: string }[] } }
    expect(data.transcript.map((t) => [t.role, t.timestamp])).toEqual(truth.turns.map((t) => [t.role, t.timestampIso]))
    for (const t of truth.turns) {
      const at = (Date.parse(t.timestampIso) - start) / 1000
      if (t.role === 'agent') {
        expect(at).toBeCloseTo(t.startS, 2)
      } else {
        expect(at - t.endS).toBeGreaterThan(0.1)
        expect(at - t.endS).toBeLessThanOrEqual(0.601)
      }
    }
  })
})

describe('presigned download URLs', () => {
  it('work until they expire, and refuse any edit', async () => {
    const call = pick(0)
    const link = ((await (await get(`/conversation/${call.callId}/recording/download-url`)).json()) as { data: { presignedUrl: string } }).data.presignedUrl
    expect(new URL(link).searchParams.get('X-Amz-Expires')).toBe('300')
    const ok = await fetch(link, { headers: { range: 'bytes=0-43' } })
    expect(ok.status).toBe(206)
    expect(Buffer.from(await ok.arrayBuffer()).readUInt16LE(22), 'a mono file').toBe(1)
    const edits = [link.replace(/X-Amz-Signature=[0-9a-f]{4}/, 'X-Amz-Signature=0000'), link.replace('X-Amz-Expires=300', 'X-Amz-Expires=9999'), link.split('?')[0]!]
    for (const edited of edits) {
      const res = await fetch(edited)
      expect(res.status, edited).toBe(403)
      expect(await res.text()).toMatch(/<Code>(SignatureDoesNotMatch|AccessDenied)<\/Code>/)
    }
    clock += 299_000
    expect((await fetch(link, { method: 'HEAD' })).status).toBe(200)
    clock += 2_000
    const expired = await fetch(link)
    expect(expired.status).toBe(403)
    expect(await expired.text()).toMatch(/<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/)
    // The stable link of the list item needs no signature and does not expire.
    expect((await fetch(call.recordingUrl, { method: 'HEAD' })).status).toBe(200)
  })
})
