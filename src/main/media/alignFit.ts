// The building blocks of the alignment (align.ts): for a group of turns stamped on the
// timestamps' clock and the speech of one track, where the stamps fall in the recording (offset
// and meaning, by voting) and which stretch of speech each turn is (a monotone matching).
import type { Segment } from '@shared/media'

/** What a stamp marks: when the speech starts, or when it ended (a transcription's finalisation). */
export type Meaning = 'start' | 'end'

/** Non-overlapping speech, sorted: starts and ends are then both increasing. */
export interface Track {
  starts: Float64Array
  ends: Float64Array
}

export interface Fit {
  meaning: Meaning
  /** recording time = stamp + offset. */
  offset: number
  /** Sum over turns of how close the nearest speech boundary is (1 = exactly there). */
  score: number
}

const BIN_S = 0.05
const SEARCH_S = 120
/** Stamps and speech boundaries this close count as agreeing (stamps jitter by a few hundred ms). */
export const WINDOW_S = 0.4
const PEAKS = 5
/** A turn with no boundary this close to where it is expected is left unmatched. */
const MISS_COST_S = 1.5

/** Merges overlapping segments (several channels, or a sloppy detector) into one track. */
export function toTrack(segments: Segment[]): Track {
  const sorted = [...segments].sort((a, b) => a.startS - b.startS)
  const merged: Segment[] = []
  for (const s of sorted) {
    const last = merged.at(-1)
    if (last && s.startS <= last.endS) last.endS = Math.max(last.endS, s.endS)
    else merged.push({ startS: s.startS, endS: s.endS })
  }
  return { starts: Float64Array.from(merged, (s) => s.startS), ends: Float64Array.from(merged, (s) => s.endS) }
}

export const boundaries = (t: Track, m: Meaning) => (m === 'start' ? t.starts : t.ends)

/** Index of the first value ≥ x. */
function lowerBound(xs: Float64Array, x: number): number {
  let [lo, hi] = [0, xs.length]
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Signed distance from x to the nearest of xs (Infinity when xs is empty). */
function nearestResidual(xs: Float64Array, x: number): number {
  const i = lowerBound(xs, x)
  const right = i < xs.length ? xs[i]! - x : Infinity
  const left = i > 0 ? xs[i - 1]! - x : -Infinity
  return right < -left ? right : left
}

export const kernel = (d: number) => Math.max(0, 1 - Math.abs(d) / WINDOW_S)

export function scoreAt(stamps: number[], b: Float64Array, offset: number): number {
  let score = 0
  for (const s of stamps) score += kernel(nearestResidual(b, s + offset))
  return score
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** The offset moved by the median residual of the stamps whose nearest boundary is within `within`. */
export function refineAt(stamps: number[], b: Float64Array, offset: number, within: number): number {
  const res: number[] = []
  for (const s of stamps) {
    const r = nearestResidual(b, s + offset)
    if (Math.abs(r) <= within) res.push(r)
  }
  return res.length ? offset + median(res) : offset
}

/**
 * Offsets most stamps agree on: every (boundary − stamp) within ±SEARCH_S votes in BIN_S bins, and
 * the best windows of ±WINDOW_S (apart from each other) are the candidates.
 */
function votedOffsets(stamps: number[], b: Float64Array): number[] {
  const bins = Math.round((2 * SEARCH_S) / BIN_S) + 1
  const votes = new Float64Array(bins)
  for (const s of stamps) {
    for (let j = lowerBound(b, s - SEARCH_S); j < b.length && b[j]! <= s + SEARCH_S; j++) votes[Math.round((b[j]! - s + SEARCH_S) / BIN_S)]!++
  }
  const half = Math.round(WINDOW_S / BIN_S)
  const prefix = new Float64Array(bins + 1)
  for (let i = 0; i < bins; i++) prefix[i + 1] = prefix[i]! + votes[i]!
  const windowed = new Float64Array(bins)
  for (let i = 0; i < bins; i++) windowed[i] = prefix[Math.min(bins, i + half + 1)]! - prefix[Math.max(0, i - half)]!
  // The best windows, apart from each other; ties of the wide window (a plateau as wide as the
  // window) go to the bin with most votes nearby. PEAKS scans are cheaper than sorting every bin.
  const narrow = (i: number) => prefix[Math.min(bins, i + 2)]! - prefix[Math.max(0, i - 1)]!
  const picked: number[] = []
  while (picked.length < PEAKS) {
    let top = -1
    for (let i = 0; i < bins; i++) {
      if (windowed[i]! <= 0 || picked.some((p) => Math.abs(p - i) <= 2 * half)) continue
      if (top < 0 || windowed[i]! > windowed[top]! || (windowed[i] === windowed[top] && narrow(i) > narrow(top))) top = i
    }
    if (top < 0) break
    picked.push(top)
  }
  return picked.map((i) => i * BIN_S - SEARCH_S)
}

/** Candidate fits of a group of stamps to a track, both meanings, best first. */
export function candidateFits(stamps: number[], track: Track): Fit[] {
  const fits: Fit[] = []
  for (const meaning of ['start', 'end'] as const) {
    const b = boundaries(track, meaning)
    for (const peak of votedOffsets(stamps, b)) {
      const offset = refineAt(stamps, b, refineAt(stamps, b, peak, 2 * WINDOW_S), WINDOW_S)
      fits.push({ meaning, offset, score: scoreAt(stamps, b, offset) })
    }
  }
  return fits.sort((x, y) => y.score - x.score)
}

/** Fits of a group near a given offset (for a group with too few turns to vote on its own). */
export function fitsNear(stamps: number[], track: Track, offset: number, within: number): Fit[] {
  return (['start', 'end'] as const).map((meaning) => {
    const b = boundaries(track, meaning)
    const o = refineAt(stamps, b, offset, within)
    return { meaning, offset: o, score: scoreAt(stamps, b, o) }
  })
}

/**
 * For each stamp (in order), the index of the boundary it is matched to, or -1: a strictly
 * increasing matching minimising the sum of |boundary − (stamp + offset)|, where leaving a turn
 * unmatched costs MISS_COST_S (its speech may be missing or too quiet). O(K·J) time and bytes.
 */
export function monotoneMatch(stamps: number[], b: Float64Array, offset: number): Int32Array {
  const K = stamps.length
  const J = b.length
  const W = J + 1
  const how = new Uint8Array((K + 1) * W) // 0 = boundary unused, 1 = turn unmatched, 2 = matched
  let prev = new Float64Array(W)
  let cur = new Float64Array(W)
  for (let k = 1; k <= K; k++) {
    const p = stamps[k - 1]! + offset
    cur[0] = prev[0]! + MISS_COST_S
    how[k * W] = 1
    for (let j = 1; j <= J; j++) {
      let best = cur[j - 1]!
      let h = 0
      const miss = prev[j]! + MISS_COST_S
      if (miss < best) {
        best = miss
        h = 1
      }
      const match = prev[j - 1]! + Math.abs(b[j - 1]! - p)
      if (match < best) {
        best = match
        h = 2
      }
      cur[j] = best
      how[k * W + j] = h
    }
    ;[prev, cur] = [cur, prev]
  }
  const out = new Int32Array(K).fill(-1)
  for (let k = K, j = J; k > 0; ) {
    const h = how[k * W + j]!
    if (h === 0) j--
    else if (h === 1) k--
    else out[--k] = --j
  }
  return out
}
