// The dialogue of one connected call and when each turn is spoken, in seconds from the start of
// its recording. Everything is numbers and references to template lines (text is joined only when
// a transcript is sent), so the dataset can time 100k calls at start-up.
//
// Timestamps deliberately mean different things: an agent turn is stamped when its speech starts,
// a caller turn when its transcription was final (a little after the speech ended). The platform
// does not document which one it uses, so the app must not assume one; CallTruth records both.
import { BACK_FROM_HOLD, fillName, NAMES, type Purpose, type Utterance } from './purposes'
import { pick, type Rng } from './random'

export type Role = 'agent' | 'user'

export interface Turn {
  role: Role
  parts: Utterance[]
  /** True speech start and end in the recording. */
  startS: number
  endS: number
  /** The platform's timestamp of the turn, as an offset from the recording start. */
  stampS: number
}

export interface Latency {
  turn: number
  userEndS: number
  botStartS: number
  ms: number
}

export interface Timeline {
  /** The caller's name, as the dialogue and the analytics use it. */
  name: string
  turns: Turn[]
  durationS: number
  /** Agent response latencies: a caller turn ending → the next agent turn starting. */
  latencies: Latency[]
  avgLatencyMs: number | null
}

const round = (s: number) => Math.round(s * 1000) / 1000

export const turnText = (t: Turn, name: string) => fillName(t.parts.map((p) => p.text).join(' '), name)

/** A turn's lines from `pool`: usually one, sometimes two or three; a hold ends the turn. */
function drawParts(r: Rng, pool: Utterance[], role: Role, holds: number): Utterance[] {
  const parts: Utterance[] = []
  const want = 1 + (r() < (role === 'agent' ? 0.3 : 0.2) ? 1 : 0) + (r() < 0.05 ? 1 : 0)
  while (parts.length < want) {
    const p = pick(r, pool)
    // Holds are rarer than other lines: most draws of one are put back.
    if (p.hold && (holds >= 3 || r() < 0.7)) continue
    if (!parts.includes(p)) parts.push(p)
    if (p.hold) break
  }
  return parts
}

/**
 * The dialogue and its timing in one pass (no intermediate lists: list pages rebuild hundreds of
 * these per request). Turns mostly alternate, sometimes the same speaker goes on, a hold comes
 * back to the agent, the caller sometimes barges in; the agent opens and closes.
 */
export function timeline(r: Rng, purpose: Purpose): Timeline {
  const name = pick(r, NAMES)
  // Skewed short: half the calls have under ~10 turns, a few have 40.
  const count = 2 + Math.floor(r() ** 2.2 * 39)
  const userPace = 0.9 + r() * 0.3
  const turns: Turn[] = []
  const latencies: Latency[] = []
  let lastEnd = 0
  let holds = 0
  for (let k = 0; k < count; k++) {
    const prev = turns[k - 1]
    const afterHold = prev?.parts.at(-1)?.hold === true
    let role: Role = 'agent'
    let parts: Utterance[]
    if (!prev) parts = [pick(r, purpose.opening)]
    else if (afterHold) parts = [BACK_FROM_HOLD, pick(r, purpose.agent.filter((p) => !p.hold))]
    else if (k === count - 1 && count > 2) parts = [pick(r, purpose.closing)]
    else {
      role = r() < 0.1 ? prev.role : prev.role === 'agent' ? 'user' : 'agent'
      parts = drawParts(r, role === 'user' ? purpose.user : purpose.agent, role, holds)
      if (parts.at(-1)?.hold) holds++
    }
    let start: number
    if (!prev) start = 0.5 + r() * 1.5
    else if (afterHold) start = lastEnd + 8 + r() ** 2 * 150
    else if (prev.role === role) start = lastEnd + 0.3 + r() * 0.6
    else if (role === 'agent') start = lastEnd + 0.45 + r() * r() * 2 + (r() < 0.03 ? 2 + r() * 2 : 0)
    else if (r() < 0.08) {
      // The caller barges in; the agent stops a moment later (interruptions are allowed).
      start = Math.max(prev.startS + 0.5, prev.endS - (0.3 + r() * 0.7))
      prev.endS = round(Math.min(prev.endS, start + 0.3 + r() * 0.3))
      lastEnd = Math.max(prev.endS, ...turns.slice(0, -1).map((t) => t.endS))
    } else start = lastEnd + 0.25 + r() * 1.05
    let words = 0
    for (const p of parts) words += p.words
    const end = start + (0.3 * words + 0.25) * (role === 'user' ? userPace : 1) * (0.85 + r() * 0.3)
    const stamp = role === 'agent' ? start : end + 0.2 + r() * 0.4
    const turn: Turn = { role, parts, startS: round(start), endS: round(end), stampS: round(stamp) }
    if (prev?.role === 'user' && role === 'agent') {
      // The reply needs the final transcription, so the caller's stamp comes before it.
      prev.stampS = round(Math.min(prev.stampS, prev.endS + (turn.startS - prev.endS) * 0.6))
      latencies.push({ turn: latencies.length + 1, userEndS: prev.endS, botStartS: turn.startS, ms: Math.round((turn.startS - prev.endS) * 1000) })
    }
    turns.push(turn)
    lastEnd = Math.max(lastEnd, turn.endS)
  }
  let sum = 0
  for (const l of latencies) sum += l.ms
  return { name, turns, durationS: round(lastEnd + 0.4 + r() * 1.1), latencies, avgLatencyMs: latencies.length ? Math.round(sum / latencies.length) : null }
}
