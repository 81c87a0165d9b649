// Where each transcript turn is heard in the recording. The API's timestamps are wall-clock, the
// recording starts at an unknown moment, and what a stamp marks is undocumented (speech start, or
// the transcription's finalisation after the speaker stopped, possibly per role). So nothing is
// assumed: per role, the stamps vote for an offset and a meaning against the speech of the role's
// channel; turns are then matched in order to speech (alignFit.ts). Which channel is the agent's is
// whichever mapping explains the stamps better, unless the caller says. Alignment.offsetS is
// counted from the first stamped turn: recording time = (stamp − first stamp) + offsetS.
import type { AlignedTurn, Alignment, Segment } from '@shared/media'
import { boundaries, candidateFits, fitsNear, kernel, median, monotoneMatch, toTrack, WINDOW_S, type Fit, type Track } from './alignFit'

/** Bumped when the algorithm changes, so cached results are recomputed. */
export const ALIGN_VERSION = 1

export interface TurnStamp {
  index: number
  role: string
  /** Wall-clock ms of the turn's stamp (or an offset in ms): only differences matter. */
  atMs: number | null
}

export interface SpeechInput {
  durationS: number
  channels: Segment[][]
}

export interface AlignOptions {
  agentChannel?: 0 | 1
  channelSource?: 'call' | 'default'
}

/** The two roles' offsets measure one clock; their meanings may differ by a speech's length at most. */
const ROLE_SPREAD_S = 2
/** A turn's speech continues into the next segment across pauses up to this long. */
const SPAN_GAP_S = 1.5
/** Without speech, a turn is shown this long. */
const GUESS_S = 1

type RoleName = 'agent' | 'user' | 'unknown'
interface Group {
  role: RoleName
  /** Positions in the turn list, in order, their TurnStamp.index, and stamps (s from the first stamp). */
  at: number[]
  ids: number[]
  stamps: number[]
  track: Track
}
interface Placed {
  turns: AlignedTurn[]
  score: number
  fits: Map<RoleName, Fit>
}

const roleOf = (role: string): RoleName => (role === 'agent' || role === 'user' ? role : 'unknown')
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

/** Stamps in seconds from the first stamped turn; a turn without one takes its predecessor's. */
function relativeStamps(turns: TurnStamp[]): number[] | null {
  const first = turns.find((t) => t.atMs !== null)?.atMs
  if (first === undefined || first === null) return null
  let last = 0
  return turns.map((t) => (last = t.atMs === null ? last : (t.atMs - first) / 1000))
}

function groupsOf(turns: TurnStamp[], stamps: number[], trackOf: (r: RoleName) => Track): Group[] {
  const groups = new Map<RoleName, Group>()
  turns.forEach((t, i) => {
    const role = roleOf(t.role)
    let g = groups.get(role)
    if (!g) groups.set(role, (g = { role, at: [], ids: [], stamps: [], track: trackOf(role) }))
    g.at.push(i)
    g.ids.push(t.index)
    g.stamps.push(stamps[i]!)
  })
  return [...groups.values()].sort((a, b) => b.stamps.length - a.stamps.length)
}

/** The best fit of `g` whose offset is within ROLE_SPREAD_S of `anchor` (score first, then closeness). */
function fitNear(g: Group, cands: Fit[], anchor: number): Fit | undefined {
  const options = [...cands, ...fitsNear(g.stamps, g.track, anchor, ROLE_SPREAD_S)].filter((f) => Math.abs(f.offset - anchor) <= ROLE_SPREAD_S)
  return options.sort((x, y) => y.score - x.score || Math.abs(x.offset - anchor) - Math.abs(y.offset - anchor))[0]
}

/**
 * One fit per group: the largest group's candidates each anchor the others, whose fits must lie
 * within ROLE_SPREAD_S of it (a group with one turn would match any speech on its own).
 */
function chooseFits(groups: Group[]): Map<Group, Fit> {
  const cands = new Map(groups.map((g) => [g, candidateFits(g.stamps, g.track)]))
  const [primary, ...rest] = groups
  let best: { total: number; fits: Map<Group, Fit> } | null = null
  for (const p of cands.get(primary!) ?? []) {
    const fits = new Map<Group, Fit>([[primary!, p]])
    let total = p.score
    for (const g of rest) {
      const pick = fitNear(g, cands.get(g)!, p.offset)
      if (pick) fits.set(g, pick)
      total += pick?.score ?? 0
    }
    if (!best || total > best.total) best = { total, fits }
  }
  return best?.fits ?? new Map()
}

/** Matches a group's turns to its track, then once more with the offset refined by the matches. */
function matchGroup(g: Group, fit: Fit): { fit: Fit; match: Int32Array } {
  const b = boundaries(g.track, fit.meaning)
  let offset = fit.offset
  let match = monotoneMatch(g.stamps, b, offset)
  const close = g.stamps.flatMap((s, k) => (match[k]! < 0 ? [] : [b[match[k]!]! - (s + offset)])).filter((r) => Math.abs(r) <= WINDOW_S)
  if (close.length) {
    offset += median(close)
    match = monotoneMatch(g.stamps, b, offset)
  }
  return { fit: { ...fit, offset }, match }
}

/** Per track, the segments some turn has been matched to: other turns' speech does not run into them. */
type Marks = Map<Track, Uint8Array>
const marksOf = (marks: Marks, t: Track) => marks.get(t) ?? marks.set(t, new Uint8Array(t.starts.length)).get(t)!
const DEFAULT_FIT: Fit = { meaning: 'start', offset: 0, score: 0 }

/** Places a matched group's turns in `out`; returns the sum of their match scores. */
function spanGroup(g: Group, fit: Fit, match: Int32Array, durationS: number, claimed: Marks, out: AlignedTurn[]): number {
  const { starts, ends } = g.track
  const b = boundaries(g.track, fit.meaning)
  const taken = marksOf(claimed, g.track)
  let score = 0
  g.stamps.forEach((s, k) => {
    const j = match[k]!
    const [at, index] = [g.at[k]!, g.ids[k]!]
    const prior = clamp(s + fit.offset, 0, durationS)
    if (j < 0) {
      const [startS, endS] = fit.meaning === 'start' ? [prior, Math.min(durationS, prior + GUESS_S)] : [Math.max(0, prior - GUESS_S), prior]
      out[at] = { index, startS, endS, confidence: 0.1 }
      return
    }
    const residual = b[j]! - (s + fit.offset)
    score += kernel(residual)
    // A turn is its matched segment plus the speech that follows (start stamps) or precedes (end
    // stamps) it without a long pause, up to a segment another turn was matched to.
    let [first, last] = [j, j]
    if (fit.meaning === 'start') while (last + 1 < starts.length && !taken[last + 1] && starts[last + 1]! - ends[last]! <= SPAN_GAP_S) last++
    else while (first > 0 && !taken[first - 1] && starts[first]! - ends[first - 1]! <= SPAN_GAP_S) first--
    const confidence = 0.35 + 0.65 * Math.max(0, 1 - Math.abs(residual) / (2 * WINDOW_S))
    out[at] = { index, startS: starts[first]!, endS: ends[last]!, confidence: Math.round(confidence * 100) / 100 }
  })
  return score
}

/**
 * Matches agent and user turns on their tracks; then turns of other roles to the speech of
 * `sources` that no agent or user turn was matched to (all of it when there are none); then
 * places every turn, its speech stopping where another turn's begins.
 */
function place(turns: TurnStamp[], stamps: number[], durationS: number, trackOf: (r: RoleName) => Track, sources: Track[]): Placed {
  const all = groupsOf(turns, stamps, trackOf)
  const known = all.filter((g) => g.role !== 'unknown')
  const claimed: Marks = new Map()
  const matched = new Map<Group, ReturnType<typeof matchGroup>>()
  const claim = (g: Group, m: ReturnType<typeof matchGroup>) => {
    matched.set(g, m)
    const taken = marksOf(claimed, g.track)
    for (const j of m.match) if (j >= 0) taken[j] = 1
  }
  const knownFits = chooseFits(known)
  for (const g of known) claim(g, matchGroup(g, knownFits.get(g) ?? DEFAULT_FIT))
  const other = all.find((g) => g.role === 'unknown')
  if (other) {
    const free = sources.flatMap((t) => Array.from(t.starts, (startS, j) => ({ startS, endS: t.ends[j]!, t, j })).filter((r) => !claimed.get(t)?.[r.j]))
    const g = { ...other, track: toTrack(free) }
    const anchor = known.length ? matched.get(known[0]!)!.fit.offset : undefined
    const fit = anchor === undefined ? chooseFits([g]).get(g) : fitNear(g, candidateFits(g.stamps, g.track), anchor)
    const m = matchGroup(g, fit ?? DEFAULT_FIT)
    claim(g, m)
    // What these turns took is taken on the channels too, so agent and user speech stops there.
    for (const j of m.match) for (const r of j < 0 ? [] : free) if (r.startS < g.track.ends[j]! && r.endS > g.track.starts[j]!) marksOf(claimed, r.t)[r.j] = 1
  }
  const out: AlignedTurn[] = new Array<AlignedTurn>(turns.length)
  let score = 0
  const fits = new Map<RoleName, Fit>()
  for (const [g, m] of matched) {
    // Other roles count too: in the wrong mapping they tend to find no free speech where expected.
    score += spanGroup(g, m.fit, m.match, durationS, claimed, out)
    fits.set(g.role, m.fit)
  }
  return { turns: Array.from(out, (t, i) => t ?? { index: turns[i]!.index, startS: 0, endS: 0, confidence: 0 }), score, fits }
}

const offsetOf = (p: Placed) => {
  const f = p.fits.get('agent') ?? p.fits.values().next().value
  return f ? Math.round(f.offset * 1000) / 1000 : null
}
const meanConfidence = (turns: AlignedTurn[]) => (turns.length ? turns.reduce((a, t) => a + t.confidence, 0) / turns.length : 0)
const round2 = (x: number) => Math.round(x * 100) / 100

function timestampsOnly(turns: TurnStamp[], stamps: number[] | null, speech: Segment[][], note: string): Alignment {
  const at = stamps ?? turns.map(() => 0)
  const aligned = turns.map((t, i) => ({ index: t.index, startS: at[i]!, endS: Math.max(at[i]!, at[i + 1] ?? at[i]! + GUESS_S), confidence: 0 }))
  return { version: ALIGN_VERSION, method: 'timestamps', agentChannel: null, channelSource: 'none', confidence: 0, offsetS: null, turns: aligned, speech, note }
}

export function alignTurns(turns: TurnStamp[], speech: SpeechInput | null, opts: AlignOptions = {}): Alignment {
  const stamps = relativeStamps(turns)
  if (!speech || speech.channels.length === 0) {
    return timestampsOnly(turns, stamps, [], 'There is no recording to align with, so turn times come from the transcript timestamps, counted from the first turn.')
  }
  if (!stamps) return timestampsOnly(turns, stamps, speech.channels, 'The transcript has no timestamps, so its turns could not be placed in the recording.')
  const { durationS, channels } = speech
  if (channels.length === 1) {
    const track = toTrack(channels[0]!)
    const p = place(turns, stamps, durationS, () => track, [track])
    // One voice at a time: a turn ends at the latest when the next one starts.
    p.turns.forEach((t, i) => {
      const next = p.turns[i + 1]
      if (next && next.startS > t.startS) t.endS = Math.min(t.endS, next.startS)
    })
    const note = 'The recording has a single channel, so turns were matched to speech by timing alone and agent and caller cannot be told apart by voice.'
    return { version: ALIGN_VERSION, method: 'mono', agentChannel: null, channelSource: 'none', confidence: round2(meanConfidence(p.turns) * 0.6), offsetS: offsetOf(p), turns: p.turns, speech: channels, note }
  }
  const tracks = [toTrack(channels[0]!), toTrack(channels[1]!)]
  const mapping = (agent: 0 | 1) => place(turns, stamps, durationS, (r) => (r === 'user' ? tracks[1 - agent]! : tracks[agent]!), tracks)
  let agentChannel: 0 | 1
  let confidence: number
  let placed: Placed
  if (opts.agentChannel !== undefined) {
    agentChannel = opts.agentChannel
    placed = mapping(agentChannel)
    confidence = meanConfidence(placed.turns)
  } else {
    const [a, b] = [mapping(0), mapping(1)]
    agentChannel = a.score >= b.score ? 0 : 1
    placed = agentChannel === 0 ? a : b
    const [win, lose] = agentChannel === 0 ? [a.score, b.score] : [b.score, a.score]
    // How clearly the mapping won (a tie is 0), times how well the turns found speech.
    confidence = (win > 0 ? clamp((2 * (win - lose)) / win, 0, 1) : 0) * meanConfidence(placed.turns)
  }
  const anySpeech = tracks.some((t) => t.starts.length > 0)
  const note = !anySpeech
    ? 'No speech was found in the recording, so turn times are estimates from the transcript timestamps.'
    : opts.agentChannel === undefined && confidence < 0.3
      ? 'The agent’s channel could not be told apart clearly from the speech, so turn times may be off.'
      : null
  const channelSource = opts.agentChannel !== undefined ? (opts.channelSource ?? 'call') : 'detected'
  return { version: ALIGN_VERSION, method: 'dual', agentChannel, channelSource, confidence: round2(confidence), offsetS: offsetOf(placed), turns: placed.turns, speech: channels, note }
}
