// Real WAV recordings made on the fly: 16 kHz, 16-bit PCM. The dual file is stereo with the
// agent on one channel and the caller on the other; the composite is the mono mix. Speech-like
// sound (harmonics at a per-speaker pitch, modulated at a syllable rate) sits exactly where each
// turn is spoken, over a low noise floor. Any byte range can be rendered without the rest.
import type { TimedTurn } from './timeline'

export const SAMPLE_RATE = 16_000
const HEADER = 44

export interface Recording {
  channels: 1 | 2
  durationS: number
  agentChannel: 0 | 1
  turns: TimedTurn[]
}

export function totalBytes(rec: Recording): number {
  return HEADER + Math.round(rec.durationS * SAMPLE_RATE) * rec.channels * 2
}

function header(rec: Recording): Buffer {
  const dataBytes = totalBytes(rec) - HEADER
  const h = Buffer.alloc(HEADER)
  h.write('RIFF', 0, 'ascii')
  h.writeUInt32LE(36 + dataBytes, 4)
  h.write('WAVE', 8, 'ascii')
  h.write('fmt ', 12, 'ascii')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20)
  h.writeUInt16LE(rec.channels, 22)
  h.writeUInt32LE(SAMPLE_RATE, 24)
  h.writeUInt32LE(SAMPLE_RATE * rec.channels * 2, 28)
  h.writeUInt16LE(rec.channels * 2, 32)
  h.writeUInt16LE(16, 34)
  h.write('data', 36, 'ascii')
  h.writeUInt32LE(dataBytes, 40)
  return h
}

/** One speaker's voice, read at increasing times (a cursor, so long calls render in linear time). */
class VoiceTrack {
  private readonly turns: TimedTurn[]
  private k = 0

  constructor(all: TimedTurn[], role: string, private readonly f0: number) {
    this.turns = all.filter((t) => t.role === role).sort((a, b) => a.startS - b.startS)
  }

  at(t: number): number {
    while (this.k < this.turns.length && this.turns[this.k]!.endS <= t) this.k++
    // Same-speaker turns never overlap, but a later one may start before an earlier one ends.
    for (let j = this.k; j < this.turns.length && this.turns[j]!.startS <= t; j++) {
      const turn = this.turns[j]!
      if (t >= turn.endS) continue
      const fade = Math.min(1, (t - turn.startS) / 0.03, (turn.endS - t) / 0.03)
      const syllable = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4.2 * t + turn.startS)
      const w = 2 * Math.PI * this.f0 * t
      return 0.22 * fade * syllable * syllable * (Math.sin(w) + 0.5 * Math.sin(2 * w) + 0.3 * Math.sin(3 * w))
    }
    return 0
  }
}

function noise(n: number, channel: number): number {
  let x = (n * 374761393 + channel * 668265263) | 0
  x = Math.imul(x ^ (x >>> 13), 1274126177)
  return (((x ^ (x >>> 16)) & 0xffff) / 0xffff - 0.5) * 0.004
}

/** Bytes [start, end) of the file (end exclusive). */
export function renderRange(rec: Recording, start: number, end: number): Buffer {
  const out = Buffer.alloc(end - start)
  const head = header(rec)
  if (start < HEADER) head.copy(out, 0, start, Math.min(HEADER, end))
  const frameBytes = rec.channels * 2
  const firstFrame = Math.floor(Math.max(0, start - HEADER) / frameBytes)
  const lastFrame = Math.ceil((end - HEADER) / frameBytes)
  const callerChannel = rec.agentChannel === 0 ? 1 : 0
  const frame = Buffer.alloc(frameBytes)
  const agentTrack = new VoiceTrack(rec.turns, 'agent', 190)
  const userTrack = new VoiceTrack(rec.turns, 'user', 115)
  for (let n = firstFrame; n < lastFrame; n++) {
    const t = n / SAMPLE_RATE
    const agent = agentTrack.at(t)
    const user = userTrack.at(t)
    if (rec.channels === 1) {
      frame.writeInt16LE(clamp(agent + user + noise(n, 0)), 0)
    } else {
      frame.writeInt16LE(clamp((rec.agentChannel === 0 ? agent : user) + noise(n, 0)), 0)
      frame.writeInt16LE(clamp((callerChannel === 0 ? agent : user) + noise(n, 1)), 2)
    }
    const at = HEADER + n * frameBytes
    const from = Math.max(at, start)
    const to = Math.min(at + frameBytes, end)
    if (to > from) frame.copy(out, from - start, from - at, to - at)
  }
  return out
}

const clamp = (v: number) => Math.max(-32768, Math.min(32767, Math.round(v * 32767)))
