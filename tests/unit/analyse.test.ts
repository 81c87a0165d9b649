// The recording analysis on WAV files written here: the parser reads every PCM layout a writer may
// produce (sample sizes, float, WAVE_FORMAT_EXTENSIBLE, chunks in any order with odd padding) and
// names what is wrong with a bad file; peaks and speech land on the right channel and time.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { decodePeaks, encodePeaks } from '@shared/media'
import { analyseRecording, analyseRecordingAsync } from '../../src/main/media/analyse'
import { streamWav } from '../../src/main/media/wavPcm'
import { tempDir } from '../support/tempDir'

const dir = tempDir('earmark-analyse-')
afterAll(() => dir.cleanup())
const RATE = 16_000

type Sample = 'u8' | 'i16' | 'i24' | 'i32' | 'f32'
const BYTES: Record<Sample, number> = { u8: 1, i16: 2, i24: 3, i32: 4, f32: 4 }

function chunk(id: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.write(id, 0, 'ascii')
  head.writeUInt32LE(body.length, 4)
  // RIFF pads odd-sized chunks to an even length; the size field does not count the pad.
  return Buffer.concat([head, body, Buffer.alloc(body.length % 2)])
}

/** A WAV file of the given channels; `layout` moves chunks around the way other writers do. */
function wavBytes(channels: Float32Array[], sample: Sample = 'i16', layout: { extensible?: boolean; fmtLast?: boolean; junk?: boolean } = {}): Buffer {
  const bytes = BYTES[sample]
  const frames = channels[0]!.length
  const data = Buffer.alloc(frames * channels.length * bytes)
  for (let k = 0, p = 0; k < frames; k++) {
    for (const ch of channels) {
      const x = Math.max(-1, Math.min(1, ch[k]!))
      if (sample === 'u8') data.writeUInt8(Math.round(x * 127) + 128, p)
      else if (sample === 'i16') data.writeInt16LE(Math.round(x * 32767), p)
      else if (sample === 'i24') data.writeIntLE(Math.round(x * 8388607), p, 3)
      else if (sample === 'i32') data.writeInt32LE(Math.round(x * 2147483647), p)
      else data.writeFloatLE(x, p)
      p += bytes
    }
  }
  const fmt = Buffer.alloc(layout.extensible ? 40 : 16)
  fmt.writeUInt16LE(layout.extensible ? 0xfffe : sample === 'f32' ? 3 : 1, 0)
  fmt.writeUInt16LE(channels.length, 2)
  fmt.writeUInt32LE(RATE, 4)
  fmt.writeUInt32LE(RATE * channels.length * bytes, 8)
  fmt.writeUInt16LE(channels.length * bytes, 12)
  fmt.writeUInt16LE(bytes * 8, 14)
  if (layout.extensible) {
    fmt.writeUInt16LE(22, 16)
    fmt.writeUInt16LE(bytes * 8, 18)
    fmt.writeUInt16LE(sample === 'f32' ? 3 : 1, 24) // the sub-format GUID starts with the format tag
  }
  const parts = [layout.junk ? chunk('LIST', Buffer.from('INFOISFT', 'ascii').subarray(0, 7)) : null, layout.fmtLast ? null : chunk('fmt ', fmt), chunk('data', data), layout.fmtLast ? chunk('fmt ', fmt) : null]
  const body = Buffer.concat([Buffer.from('WAVE', 'ascii'), ...parts.filter((x): x is Buffer => x !== null)])
  const riff = Buffer.alloc(8)
  riff.write('RIFF', 0, 'ascii')
  riff.writeUInt32LE(body.length, 4)
  return Buffer.concat([riff, body])
}

const write = (name: string, bytes: Buffer | string) => {
  const file = join(dir.path, name)
  writeFileSync(file, bytes)
  return file
}

/** Noise at ~-55 dBFS everywhere, and a voiced tone with soft edges where `voiced` says. */
function channel(durationS: number, voiced: [number, number][], seed: number): Float32Array {
  const out = new Float32Array(Math.round(durationS * RATE))
  let x = seed
  for (let n = 0; n < out.length; n++) {
    x = (x * 1103515245 + 12345) % 2147483648
    const t = n / RATE
    out[n] = (x / 2147483648 - 0.5) * 0.006
    for (const [a, b] of voiced) {
      if (t < a || t >= b) continue
      const edge = Math.min(1, (t - a) / 0.02, (b - t) / 0.02)
      out[n]! += 0.3 * edge * (0.6 + 0.4 * Math.sin(2 * Math.PI * 3 * t)) * Math.sin(2 * Math.PI * 180 * t)
    }
  }
  return out
}

function readAll(file: string, chunkFrames?: number): { channels: Float32Array[]; rate: number } {
  const parts: Float32Array[][] = []
  const f = streamWav(file, (chs) => parts.push(chs.map((c) => c.slice())), { chunkFrames })
  return { rate: f.sampleRate, channels: Array.from({ length: f.channels }, (_, c) => Float32Array.from(parts.flatMap((p) => [...p[c]!]))) }
}

const errorOf = (f: () => unknown) => {
  try {
    f()
  } catch (err) {
    return err as AppError
  }
  throw new Error('no error')
}

describe('WAV parsing', () => {
  const src = [channel(0.5, [[0.1, 0.4]], 1), channel(0.5, [], 2), channel(0.5, [[0.2, 0.3]], 3)]
  const cases: [string, Sample, Parameters<typeof wavBytes>[2], number][] = [
    ['8-bit', 'u8', {}, 1 / 100],
    ['16-bit', 'i16', {}, 1 / 30000],
    ['24-bit extensible', 'i24', { extensible: true }, 1e-6],
    ['32-bit int, fmt after data', 'i32', { fmtLast: true }, 1e-6],
    ['32-bit float after an odd-sized chunk', 'f32', { junk: true }, 1e-7],
    ['float extensible', 'f32', { extensible: true, junk: true }, 1e-7],
  ]
  it.each(cases)('reads %s PCM into per-channel floats', (name, sample, layout, tolerance) => {
    const file = write(`${name}.wav`, wavBytes(src, sample, layout))
    const got = readAll(file, 997) // an odd chunk size: frames straddle every chunk boundary
    expect(got.rate).toBe(RATE)
    expect(got.channels).toHaveLength(3)
    got.channels.forEach((ch, c) => {
      expect(ch.length).toBe(src[c]!.length)
      let worst = 0
      for (let k = 0; k < ch.length; k++) worst = Math.max(worst, Math.abs(ch[k]! - src[c]![k]!))
      expect(worst, `channel ${c}`).toBeLessThanOrEqual(tolerance)
    })
  })

  it('names the file and the problem when it cannot read it', () => {
    const good = wavBytes([channel(0.2, [], 1)])
    const bad: [string, Buffer | string, RegExp][] = [
      ['notes.wav', 'just some text, not audio', /notes\.wav.*not a WAV file/],
      ['empty.wav', '', /empty\.wav.*empty or truncated/],
      ['cut-header.wav', good.subarray(0, 30), /cut-header\.wav.*truncated.*format chunk/],
      ['no-data.wav', good.subarray(0, 36), /no-data\.wav.*no data chunk/],
      ['cut-data.wav', good.subarray(0, good.length - 1000), /cut-data\.wav.*truncated.*declares 6400 bytes, 5400 are present/],
      ['mp3-in-wav.wav', Buffer.from(good).fill(0x55, 20, 21), /mp3-in-wav\.wav.*compressed \(format 85\)/],
    ]
    for (const [name, bytes, message] of bad) {
      const err = errorOf(() => analyseRecording(write(name, bytes)))
      expect(err, name).toBeInstanceOf(AppError)
      expect(err.code).toBe('INVALID_INPUT')
      expect(err.message).toMatch(message)
    }
    expect(errorOf(() => analyseRecording(join(dir.path, 'missing.wav'))).code).toBe('NOT_FOUND')
  })
})

describe('analyseRecording', () => {
  // Caller on channel 0 for 1-2.5 s; agent on channel 1 for 3-4.2 s and 4.5-6 s with a 0.1 s pause
  // at 4.6 s (bridged) and a 0.3 s one at 4.2 s (kept: over the merge gap); a 40 ms click at 7 s on channel 0.
  const ch0 = channel(8, [[1, 2.5], [7, 7.04]], 7)
  const ch1 = channel(8, [[3, 4.2], [4.5, 4.6], [4.7, 6]], 8)
  const file = write('call.wav', wavBytes([ch0, ch1]))

  it('gives the same result when it yields to the event loop between blocks (as the app does)', async () => {
    expect(await analyseRecordingAsync(file)).toEqual(analyseRecording(file))
  })

  it('gives near-zero peaks where a channel is silent and high ones where it speaks', () => {
    const { peaks } = analyseRecording(file)
    expect(peaks.perSecond).toBe(100)
    expect(peaks.durationS).toBe(8)
    expect(peaks.channels.map((c) => c.length)).toEqual([800, 800])
    const max = (c: number, fromS: number, toS: number) => Math.max(...peaks.channels[c]!.subarray(fromS * 100, toS * 100))
    expect(max(0, 1.1, 2.4)).toBeGreaterThan(0.25)
    expect(max(1, 1.1, 2.4)).toBeLessThan(0.01)
    expect(max(1, 3.1, 4.1)).toBeGreaterThan(0.25)
    expect(max(0, 3, 6.9)).toBeLessThan(0.01)
    expect(analyseRecording(file, { peaksPerSecond: 20 }).peaks.channels[0]).toHaveLength(160)
    // What the media scheme serves decodes to the same drawing, to a byte's precision.
    const back = decodePeaks(encodePeaks(peaks))
    expect(back.durationS).toBe(8)
    expect(Math.abs(back.channels[1]![350]! - peaks.channels[1]![350]!)).toBeLessThan(1 / 255)
  })

  it('finds speech per channel: soft edges included, short pauses bridged, clicks dropped', () => {
    const { speech } = analyseRecording(file)
    expect(speech.durationS).toBe(8)
    const near = (segs: { startS: number; endS: number }[], want: [number, number][]) => {
      expect(segs).toHaveLength(want.length)
      segs.forEach((s, k) => {
        expect(Math.abs(s.startS - want[k]![0]), `start ${k}`).toBeLessThanOrEqual(0.03)
        expect(Math.abs(s.endS - want[k]![1]), `end ${k}`).toBeLessThanOrEqual(0.03)
      })
    }
    near(speech.channels[0]!, [[1, 2.5]])
    near(speech.channels[1]!, [[3, 4.2], [4.5, 6]])
  })

  it('does not take the echo of one side in the other for speech', () => {
    // The caller's line carries the agent's voice 20 dB down and 30 ms late (a speakerphone, a poor line).
    const agent = channel(6, [[0.5, 2.5], [4, 5.5]], 11)
    const caller = channel(6, [[3, 3.8]], 12)
    for (let n = 480; n < caller.length; n++) caller[n]! += agent[n - 480]! * 0.1
    const { speech } = analyseRecording(write('echo.wav', wavBytes([agent, caller])))
    expect(speech.channels[0]!.map((s) => Math.round(s.startS * 10) / 10)).toEqual([0.5, 4])
    expect(speech.channels[1]!.map((s) => Math.round(s.startS * 10) / 10)).toEqual([3])
  })

  it('finds no speech in a channel of noise alone, nor in digital silence', () => {
    const quiet = write('quiet.wav', wavBytes([channel(3, [], 5), new Float32Array(3 * RATE)]))
    expect(analyseRecording(quiet).speech.channels).toEqual([[], []])
  })
})
