// When each turn of a call is spoken, in seconds from the start of its recording, and what the
// platform's wall-clock timestamp of that turn says. Agent turns are stamped at the start of their
// speech; user turns when their transcription was final, a little after the speech ended: the two
// meanings differ on purpose, because the real platform does not document which one it uses.
import { dialogue, type Line, type Purpose } from './scripts'
import type { Rng } from './random'

export interface TimedTurn extends Line {
  startS: number
  endS: number
  /** Offset of the turn's platform timestamp from the recording start, in seconds. */
  stampS: number
}

export interface Timeline {
  name: string
  turns: TimedTurn[]
  durationS: number
  /** Response latencies (ms): a user turn ending → the next agent turn starting. */
  latencies: { turn: number; userEndS: number; botStartS: number; ms: number }[]
}

const speechSeconds = (text: string) => 0.32 * text.split(/\s+/).length + 0.35

export function timeline(r: Rng, purpose: Purpose, turnCount: number): Timeline {
  const { name, lines } = dialogue(r, purpose, turnCount)
  const turns: TimedTurn[] = []
  const latencies: Timeline['latencies'] = []
  let cursor = 0.6 + r() * 1.2
  lines.forEach((line, k) => {
    const prev = turns[k - 1]
    let start = cursor
    if (prev) {
      if (prev.role === line.role) start = prev.endS + 0.3 + r() * 0.6
      else if (line.role === 'agent') start = prev.endS + 0.45 + r() * r() * 2.2
      else start = r() < 0.08 ? prev.endS - (0.3 + r() * 0.7) : prev.endS + 0.3 + r() * 1.1 // sometimes the caller barges in
    }
    const end = start + speechSeconds(line.text) * (0.85 + r() * 0.3)
    const stampS = line.role === 'agent' ? start : end + 0.2 + r() * 0.4
    turns.push({ ...line, startS: round(start), endS: round(end), stampS: round(stampS) })
    if (prev && prev.role === 'user' && line.role === 'agent') {
      latencies.push({ turn: latencies.length + 1, userEndS: prev.endS, botStartS: round(start), ms: Math.round((round(start) - prev.endS) * 1000) })
    }
    cursor = end
  })
  const lastEnd = turns.reduce((m, t) => Math.max(m, t.endS), 0)
  return { name, turns, durationS: round(lastEnd + 0.6 + r() * 1.2), latencies }
}

const round = (s: number) => Math.round(s * 1000) / 1000
