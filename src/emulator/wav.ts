// Real WAV recordings made on the fly: 16 kHz, 16-bit PCM. The dual file is stereo with the agent
// on one channel and the caller on the other; the composite is the mono mix. Speech-like sound
// (harmonics of a per-speaker pitch with a slow intonation, in syllable-rate bursts with the odd
// pause between words) sits exactly where each turn is spoken, over a low noise floor (never pure
// digital silence). Any byte range is rendered on its own, in time proportional to its length, so
// a 10-minute call streams without ever being built whole.
import { endianness } from 'node:os'
import { hash01 } from './random'
import type { Role } from './timeline'

export const SAMPLE_RATE = 16_000
export const WAV_HEADER_BYTES = 44

export interface VoicedTurn {
  role: Role
  startS: number
  endS: number
}

export interface Recording {
  channels: 1 | 2
  durationS: number
  agentChannel: 0 | 1
  turns: VoicedTurn[]
  /** Fundamental frequencies of the two voices (Hz). */
  agentF0: number
  userF0: number
  /** Varies syllables and noise between calls. */
  key: number
}

export const frameCount = (rec: Recording) => Math.round(rec.durationS * SAMPLE_RATE)
export const wavSize = (rec: Recording) => WAV_HEADER_BYTES + frameCount(rec) * rec.channels * 2

function header(rec: Recording): Buffer {
  const dataBytes = wavSize(rec) - WAV_HEADER_BYTES
  const h = Buffer.alloc(WAV_HEADER_BYTES)
  h.write('RIFF', 0, 'ascii')
  h.writeUInt32LE(36 + dataBytes, 4)
  h.write('WAVE', 8, 'ascii')
  h.write('fmt ', 12, 'ascii')
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20) // PCM
  h.writeUInt16LE(rec.channels, 22)
  h.writeUInt32LE(SAMPLE_RATE, 24)
  h.writeUInt32LE(SAMPLE_RATE * rec.channels * 2, 28)
  h.writeUInt16LE(rec.channels * 2, 32)
  h.writeUInt16LE(16, 34)
  h.write('data', 36, 'ascii')
  h.writeUInt32LE(dataBytes, 40)
  return h
}

const TABLE = 4096
const SINE = Float32Array.from({ length: TABLE }, (_, k) => Math.sin((2 * Math.PI * k) / TABLE))
/**
 * sin(2π·cycles) for cycles ≥ 0, by table: the inner loop calls it several times per sample.
 * ToUint32 keeps the low bits of the table index exactly, whatever the whole number of cycles.
 */
const sinCycles = (cycles: number) => SINE[((cycles * TABLE) >>> 0) & (TABLE - 1)]!

const SYLLABLES_PER_S = 4.2
const VIBRATO_HZ = 0.9
const VIBRATO_DEPTH = 0.06
const FADE_S = 0.03
const NOISE_FLOOR = 0.003

/** Adds one turn's voice to `out`, which holds frames [first, first + out.length). */
function voiceTurn(out: Float32Array, first: number, turn: VoicedTurn, f0: number, seed: number): void {
  const from = Math.max(first, Math.ceil(turn.startS * SAMPLE_RATE))
  const to = Math.min(first + out.length, Math.floor(turn.endS * SAMPLE_RATE))
  let j = -1
  let amp = 0
  for (let n = from; n < to; n++) {
    const t = n / SAMPLE_RATE
    const tau = t - turn.startS
    const fade = Math.min(1, tau / FADE_S, (turn.endS - t) / FADE_S)
    const syl = tau * SYLLABLES_PER_S
    if (Math.floor(syl) !== j) {
      j = Math.floor(syl)
      const strength = hash01(seed, j)
      // About one syllable in eight is a pause between words.
      amp = strength < 0.12 ? 0.04 : 0.45 + 0.55 * strength
    }
    const bump = sinCycles((syl - j) / 2)
    // Pitch with a slow intonation: the phase is the integral of f0·(1 + d·sin(2π·v·τ)).
    const cycles = f0 * (tau + (VIBRATO_DEPTH / (2 * Math.PI * VIBRATO_HZ)) * (1 - sinCycles(VIBRATO_HZ * tau + 0.25)))
    const tone = sinCycles(cycles) + 0.5 * sinCycles(2 * cycles) + 0.3 * sinCycles(3 * cycles) + 0.15 * sinCycles(4 * cycles)
    const breath = (hash01(n, seed ^ 0x5a5a) - 0.5) * 0.1
    out[n - first]! += 0.22 * fade * amp * bump * bump * (tone + breath)
  }
}

function voice(rec: Recording, role: Role, first: number, count: number): Float32Array {
  const out = new Float32Array(count)
  const f0 = role === 'agent' ? rec.agentF0 : rec.userF0
  const fromS = first / SAMPLE_RATE
  const toS = (first + count) / SAMPLE_RATE
  rec.turns.forEach((turn, k) => {
    if (turn.role === role && turn.endS > fromS && turn.startS < toS) voiceTurn(out, first, turn, f0, rec.key * 64 + k)
  })
  return out
}

/** Two seconds of noise per channel, repeated: cheaper than hashing every sample, and inaudible as a loop. */
const NOISE = Float32Array.from({ length: 1 << 16 }, (_, k) => (hash01(k, 0x6e6f) - 0.5) * 2 * NOISE_FLOOR)
const noise = (n: number, channel: number, key: number) => NOISE[(n * 2 + channel + key * 7919) & 0xffff]!

/** Bytes [start, end) of the file (end exclusive, within wavSize). */
export function renderRange(rec: Recording, start: number, end: number): Buffer {
  const out = Buffer.alloc(end - start)
  if (start < WAV_HEADER_BYTES) header(rec).copy(out, 0, start, Math.min(WAV_HEADER_BYTES, end))
  if (end <= WAV_HEADER_BYTES) return out
  const frameBytes = rec.channels * 2
  const first = Math.floor(Math.max(0, start - WAV_HEADER_BYTES) / frameBytes)
  const last = Math.ceil((end - WAV_HEADER_BYTES) / frameBytes)
  const count = last - first
  const agent = voice(rec, 'agent', first, count)
  const user = voice(rec, 'user', first, count)
  // Voices peak below 0.45 and the noise is tiny, so even the mono mix never leaves [-1, 1]:
  // storing into the Int16Array needs no clamping.
  const pcm = new Int16Array(count * rec.channels)
  const [a, u] = [rec.agentChannel, 1 - rec.agentChannel]
  if (rec.channels === 1) {
    for (let k = 0; k < count; k++) pcm[k] = (agent[k]! + user[k]! + noise(first + k, 0, rec.key)) * 32767
  } else {
    for (let k = 0; k < count; k++) {
      pcm[k * 2 + a] = (agent[k]! + noise(first + k, a, rec.key)) * 32767
      pcm[k * 2 + u] = (user[k]! + noise(first + k, u, rec.key)) * 32767
    }
  }
  const bytes = Buffer.from(pcm.buffer)
  // WAV is little-endian; typed arrays use the machine's order.
  if (endianness() === 'BE') bytes.swap16()
  const skip = Math.max(0, start - WAV_HEADER_BYTES) - first * frameBytes
  const at = Math.max(0, WAV_HEADER_BYTES - start)
  bytes.copy(out, at, skip, skip + (end - start - at))
  return out
}
