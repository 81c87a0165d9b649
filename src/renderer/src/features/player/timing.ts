// Pure time arithmetic of the call view: formatting, which turn is at a time (binary search), the
// silences skip-silence jumps over, and the marks of the latency overlay. No React, no DOM, so the
// player, the transcript and the marks all agree on the same numbers.
import type { AlignedTurn, Segment } from '@shared/media'
import { duration, latencyLevel } from '../../lib/format'

/** Seconds to the hundredth, as ranges are stored and shown. */
export const centis = (s: number) => Math.round(s * 100) / 100
/** Where second s of a d-second call lies along the waveform, as a CSS percentage (clamped to the call). */
export const pct = (s: number, d: number) => `${(Math.max(0, Math.min(d, s)) / d) * 100}%`

/** A position in the recording as m:ss (h:mm:ss past an hour): whole seconds reached, like a player's clock. */
export const clock = (seconds: number): string => duration(Math.floor(Math.max(0, seconds)))

/** Index of the last start ≤ t in ascending `starts`, or -1 before the first. */
export function lastAtOrBefore(starts: readonly number[], t: number): number {
  let lo = 0
  let hi = starts.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (starts[mid]! <= t) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** Speech of all channels merged into sorted, non-overlapping stretches. */
export function speechUnion(speech: readonly Segment[][]): Segment[] {
  const all = speech.flat().filter((s) => s.endS > s.startS).sort((a, b) => a.startS - b.startS)
  const out: Segment[] = []
  for (const s of all) {
    const last = out[out.length - 1]
    if (last && s.startS <= last.endS) last.endS = Math.max(last.endS, s.endS)
    else out.push({ ...s })
  }
  return out
}

/**
 * Where to jump when skip-silence is on and t is in a silence of both channels longer than
 * minGapS: shortly before the next speech (a little lead so its first syllable is heard), else null.
 * The silence after the last speech is left alone: the end of a call is worth hearing. `starts` are
 * the union's start times (kept beside it: this runs on every playback frame).
 */
export function silenceJump(union: readonly Segment[], starts: readonly number[], t: number, minGapS: number, leadS = 0.25): number | null {
  const i = lastAtOrBefore(starts, t)
  if (i >= 0 && t < union[i]!.endS) return null
  const gapStart = i >= 0 ? union[i]!.endS : 0
  const next = union[i + 1]
  if (!next || next.startS - gapStart < minGapS) return null
  const target = next.startS - leadS
  return target > t + 0.05 ? target : null
}

export interface LatencyMark {
  startS: number
  endS: number
  ms: number
  level: 'ok' | 'warn' | 'bad'
}

/** A mark per caller → agent hand-over, from the caller turn's aligned end to the agent's start. */
export function latencyMarks(turns: readonly AlignedTurn[], roleOf: (index: number) => 'agent' | 'caller' | 'other', warnMs: number, badMs: number): LatencyMark[] {
  const sorted = [...turns].sort((a, b) => a.startS - b.startS)
  const out: LatencyMark[] = []
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!
    const cur = sorted[k]!
    if (roleOf(prev.index) !== 'caller' || roleOf(cur.index) !== 'agent') continue
    const ms = Math.round((cur.startS - prev.endS) * 1000)
    if (ms < 0) continue // the agent started before the caller finished: that shows as an interruption
    out.push({ startS: prev.endS, endS: cur.startS, ms, level: latencyLevel(ms, warnMs, badMs) })
  }
  return out
}

/** Stretches where two channels speak at once for at least minS (interruptions, talk-over). */
export function overlaps(speech: readonly Segment[][], minS = 0.15): Segment[] {
  const [a = [], b = []] = speech.map((ch) => [...ch].sort((x, y) => x.startS - y.startS))
  const out: Segment[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const startS = Math.max(a[i]!.startS, b[j]!.startS)
    const endS = Math.min(a[i]!.endS, b[j]!.endS)
    if (endS - startS >= minS) out.push({ startS, endS })
    if (a[i]!.endS < b[j]!.endS) i++
    else j++
  }
  return out
}

/** Steps a reader expects on a time axis, in seconds. */
const AXIS_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600]
const MIN_TICK_PX = 10
const MIN_LABEL_PX = 64
/** Zoomed far in, labels thin out rather than fill the DOM (the hover shows any time). */
const MAX_LABELS = 600

/** The time axis's minor tick step and label step (a multiple of it) for a call drawn this wide. */
export function axisSteps(durationS: number, widthPx: number): { tickS: number; labelS: number } {
  const pxPerS = widthPx / durationS
  const tickS = AXIS_STEPS.find((s) => s * pxPerS >= MIN_TICK_PX) ?? AXIS_STEPS.at(-1)!
  const labelS = AXIS_STEPS.find((s) => s % tickS === 0 && s * pxPerS >= MIN_LABEL_PX && durationS / s <= MAX_LABELS) ?? AXIS_STEPS.at(-1)!
  return { tickS, labelS }
}
