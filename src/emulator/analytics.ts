// Post-call analytics and latency metrics of a connected call, derived from what was said: each
// disposition value comes from the line that settled it (quoted in its reasoning) or falls back
// to the metric's default with low confidence; the summary retells the caller's lines in order;
// the latency metrics are exactly the gaps between caller turns and agent replies.
import type { EmuCall } from './dataset'
import { fillName } from './purposes'
import { rngFor } from './random'
import { turnText, type Timeline } from './timeline'

export interface Disposition {
  identifier: string
  value: string
  confidence: number
  reasoning: string
}

const iso = (ms: number) => new Date(ms).toISOString()
const two = (x: number) => Math.round(x * 100) / 100

export function dispositions(seed: number, c: EmuCall, tl: Timeline): Disposition[] {
  const r = rngFor(seed, c.key, 2)
  return c.agent.purpose.metrics.map((m) => {
    const turn = tl.turns.findLast((t) => t.parts.some((p) => p.sets?.[m.identifier] !== undefined))
    if (turn) {
      const value = turn.parts.findLast((p) => p.sets?.[m.identifier] !== undefined)!.sets![m.identifier]!
      const who = turn.role === 'agent' ? 'The agent' : 'The caller'
      return { identifier: m.identifier, value, confidence: two(0.82 + r() * 0.17), reasoning: `${who} said: "${turnText(turn, tl.name)}"` }
    }
    const value = fillName(m.fallback, tl.name)
    if (m.type === 'STRING') return { identifier: m.identifier, value, confidence: two(0.9 + r() * 0.1), reasoning: `The agent addressed the caller as ${tl.name} and was not corrected.` }
    return { identifier: m.identifier, value, confidence: two(0.5 + r() * 0.25), reasoning: `Nothing said in the call settled ${m.identifier.replaceAll('_', ' ')}, so it is ${value} by default.` }
  })
}

const ENDINGS: Record<string, string> = {
  transfer_complete: 'The call was transferred to a human agent.',
  timeout: 'The call ended after a long silence.',
}

export function summary(c: EmuCall, tl: Timeline, results: Disposition[]): string {
  const purpose = c.agent.purpose
  const gists = [...new Set(tl.turns.flatMap((t) => (t.role === 'user' ? t.parts.flatMap((p) => (p.gist ? [p.gist] : [])) : [])))].slice(0, 3)
  const callerSpoke = tl.turns.some((t) => t.role === 'user')
  const told = gists.length
    ? `${tl.name} ${gists.length > 1 ? `${gists.slice(0, -1).join(', ')} and ${gists.at(-1)}` : gists[0]}.`
    : callerSpoke ? `${tl.name} answered but gave no details.` : `${tl.name} did not respond after the greeting.`
  const first = results[0]
  const outcome = first ? purpose.outcomes[`${first.identifier}=${first.value}`] : undefined
  return [fillName(purpose.intro, tl.name), told, outcome, c.reason ? ENDINGS[c.reason] : undefined].filter(Boolean).join(' ')
}

/** turnLatencyMetrics: all values in ms; transitions carry epoch-ms instants (documented as "timestamp (ms)"). */
export function latencyMetrics(c: EmuCall, tl: Timeline): Record<string, unknown> {
  const ms = tl.latencies.map((l) => l.ms)
  const processedAt = iso(c.analyticsMs)
  if (!ms.length) return { turns: 0, latencies: [], transitions: [], processedAt }
  const sorted = [...ms].sort((a, b) => a - b)
  const mid = sorted.length / 2
  return {
    turns: ms.length,
    avgLatency: tl.avgLatencyMs,
    medianLatency: sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1]! + sorted[mid]!) / 2,
    minLatency: sorted[0],
    maxLatency: sorted.at(-1),
    latencies: ms,
    transitions: tl.latencies.map((l) => ({ turn: l.turn, user_end: Math.round(c.startMs + l.userEndS * 1000), bot_start: Math.round(c.startMs + l.botStartS * 1000), latency: l.ms })),
    processedAt,
  }
}
