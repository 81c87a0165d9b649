// Speech detection for one channel, fed chunk by chunk. Only the energy of 10 ms frames is kept
// (a 60-minute channel is 360k numbers), and the decision is made at the end, because the noise
// floor is a property of the whole channel: phone lines, codecs and rooms differ, so no absolute
// level can say "speech".
//
// The decision is a double threshold with hysteresis: stretches above a LOW threshold (a little
// over the noise floor), with gaps under MERGE_GAP_S closed, count as speech when they contain
// enough frames above a HIGH threshold. Soft onsets, trailing consonants and quiet syllables are
// thus kept (they pass the low one next to loud speech), while noise bursts that never get loud
// are not. Blips shorter than MIN_SEGMENT_S are dropped.
import type { Segment } from '@shared/media'

export const FRAME_S = 0.01
const MERGE_GAP_S = 0.2
const MIN_SEGMENT_S = 0.1
/** Stretches need this much time above the high threshold: one loud click is not speech. */
const MIN_LOUD_S = 0.03
/** Levels at or under this (dBFS) are digital silence, whatever the percentile says. */
const ABSOLUTE_FLOOR_DB = -80
/** A frame this much quieter (relative) than the other channel is its echo; see leakage(). */
const LEAK_DB = 15
const LEAK_LOOKBACK_S = 0.1
/** Speech must rise this far above the floor for the channel to have any. */
const MIN_DYNAMIC_DB = 10

export interface VadOptions {
  /** Percentile of frame energies taken as the noise floor (speech rarely fills a channel). */
  floorPercentile?: number
}

const toDb = (meanSquare: number) => 10 * Math.log10(meanSquare + 1e-12)

/** Values at percentiles ps (0..100) of `xs`, from one sorted copy (once per channel). */
function percentilesOf(xs: Float32Array, ps: number[]): number[] {
  if (xs.length === 0) return ps.map(() => ABSOLUTE_FLOOR_DB)
  const sorted = Float32Array.from(xs).sort()
  return ps.map((p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor((p / 100) * sorted.length)))]!)
}

export class ChannelVad {
  private readonly frameLen: number
  private energies = new Float32Array(4096)
  private count = 0
  private acc = 0
  private inFrame = 0
  private samples = 0
  /** thresholds() of the levels so far; each side of a dual recording needs the other's too. */
  private th?: Thresholds | null

  constructor(
    readonly sampleRate: number,
    private readonly opts: VadOptions = {},
  ) {
    this.frameLen = Math.max(1, Math.round(sampleRate * FRAME_S))
  }

  /** Adds the next samples of the channel. */
  feed(samples: Float32Array): void {
    let { acc, inFrame } = this
    const len = this.frameLen
    this.samples += samples.length
    for (let k = 0; k < samples.length; k++) {
      const s = samples[k]!
      acc += s * s
      if (++inFrame === len) {
        this.push(acc / len)
        acc = 0
        inFrame = 0
      }
    }
    this.acc = acc
    this.inFrame = inFrame
  }

  private push(meanSquare: number): void {
    if (this.count === this.energies.length) {
      const grown = new Float32Array(this.energies.length * 2)
      grown.set(this.energies)
      this.energies = grown
    }
    this.energies[this.count++] = toDb(meanSquare)
    this.th = undefined
  }

  /** Energies (dB) of the frames fed so far, the last one possibly partial. */
  levels(): Float32Array {
    if (this.inFrame > 0) {
      this.push(this.acc / this.inFrame)
      this.acc = 0
      this.inFrame = 0
    }
    return this.energies.subarray(0, this.count)
  }

  /**
   * The speech segments of everything fed so far (seconds from the first sample). `partner` is
   * the other side of a dual recording: what is only its echo here does not count as speech.
   */
  finish(partner?: ChannelVad): Segment[] {
    const other: Levels | undefined = partner && { db: partner.levels(), th: partner.thresholds() }
    return detectSpeech(this.levels(), this.thresholds(), this.samples / this.sampleRate, this.frameLen / this.sampleRate, other)
  }

  /** Worked out once (a sort of every level) however many times both sides ask. */
  private thresholds(): Thresholds | null {
    const db = this.levels()
    this.th ??= thresholds(db, this.opts)
    return this.th
  }
}

type Thresholds = { floor: number; low: number; high: number; top: number }
/** A channel's per-frame levels and their thresholds. */
type Levels = { db: Float32Array; th: Thresholds | null }

/** Thresholds from the channel's own levels: the floor, and how loud its loud part is. */
function thresholds(db: Float32Array, opts: VadOptions = {}): Thresholds | null {
  const [low, top] = percentilesOf(db, [opts.floorPercentile ?? 10, 98]) as [number, number]
  const floor = Math.max(ABSOLUTE_FLOOR_DB, low)
  const range = top - floor
  if (range < MIN_DYNAMIC_DB) return null
  // Between the floor and the loud level, but never so close to the floor that noise wanders
  // over: about 6 dB (twice the noise power) for the low one and 10 dB for the high one.
  return { floor, low: floor + Math.max(6, 0.15 * range), high: floor + Math.max(10, 0.4 * range), top }
}

/**
 * Frames that may be only leakage of the other channel (line echo, crosstalk): far quieter, relative
 * to this channel's own loud level, than the other side is relative to its own within the last
 * LEAK_LOOKBACK_S (echo comes a little late). Levels are compared relative to each channel's
 * loud level, so channels recorded at different gains are judged fairly; real double-talk is
 * loud on both sides.
 */
function leakage(db: Float32Array, top: number, partner: Levels | undefined, frameS: number): Uint8Array | null {
  if (!partner?.th) return null
  const { db: other, th: ot } = partner
  const back = Math.round(LEAK_LOOKBACK_S / frameS)
  const out = new Uint8Array(db.length)
  for (let i = 0; i < db.length; i++) {
    let loudest = -Infinity
    for (let j = Math.max(0, i - back); j <= i && j < other.length; j++) loudest = Math.max(loudest, other[j]!)
    out[i] = db[i]! - top < loudest - ot.top - LEAK_DB ? 1 : 0
  }
  return out
}

/** Speech segments from per-frame energies in dB (frames of frameS, ~FRAME_S: a whole number of samples) and their thresholds. */
function detectSpeech(db: Float32Array, th: Thresholds | null, durationS: number, frameS: number, partner?: Levels): Segment[] {
  if (!th) return []
  const leak = leakage(db, th.top, partner, frameS)
  const mergeFrames = Math.round(MERGE_GAP_S / frameS)
  const minLoud = Math.round(MIN_LOUD_S / frameS)
  const out: Segment[] = []
  let start = -1
  let lastActive = -1
  let loud = 0
  const close = () => {
    const startS = start * frameS
    const endS = Math.min(durationS, (lastActive + 1) * frameS)
    if (loud >= minLoud && endS - startS >= MIN_SEGMENT_S) out.push({ startS: round3(startS), endS: round3(endS) })
  }
  for (let i = 0; i < db.length; i++) {
    const e = db[i]!
    if (e <= th.low) continue
    // A quiet stretch longer than the merge gap ends the segment before this frame.
    if (start >= 0 && i - lastActive - 1 >= mergeFrames) {
      close()
      start = -1
    }
    if (start < 0) {
      start = i
      loud = 0
    }
    lastActive = i
    // Echo frames extend a stretch but are no evidence of speech: a stretch of echo alone is
    // dropped, while a caller barging in keeps its soft start (its loud part is its own).
    if (e > th.high && !leak?.[i]) loud++
  }
  if (start >= 0) close()
  return out
}

const round3 = (s: number) => Math.round(s * 1000) / 1000
