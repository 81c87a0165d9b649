// Legacy mode: the payload shapes of the older spec and examples (atoms-api.md §13), so a client
// can be proven tolerant of them. Which old shape a call gets depends on its key, so every shape
// appears in any page of a few calls:
// - average_transcriber/agent/synthesizer_latency (seconds, as the AI examples suggest) instead of
//   turnLatencyMetrics;
// - the list's dispositionMetrics as an array for odd keys; postCallAnalytics.dispositionMetrics
//   as a map for keys divisible by 3;
// - transcripts as "Agent: …" strings (key % 3 = 1) or with numeric ms-offset timestamps (key % 3 = 2).
// Status "busy", type "chat" and the missing pagination.totalPages are applied where those are made.
import type { EmuCall } from './dataset'
import { hash01 } from './random'
import type { Role } from './timeline'

type Disposition = { identifier: string; value: string }

const seconds = (ms: number) => Math.round(ms / 10) / 100

export function legacyItem(item: Record<string, unknown>, c: EmuCall): Record<string, unknown> {
  const out = { ...item }
  if (out.turnLatencyMetrics) {
    delete out.turnLatencyMetrics
    const avg = c.avgLatencyMs ?? 900
    out.average_transcriber_latency = seconds(150 + hash01(c.key, 1) * 150)
    out.average_agent_latency = seconds(avg * 0.55)
    out.average_synthesizer_latency = seconds(avg * 0.3)
  }
  if (out.dispositionMetrics && c.key % 2 === 1) {
    out.dispositionMetrics = Object.entries(out.dispositionMetrics as Record<string, string>).map(([identifier, value]) => ({ identifier, value }))
  }
  const analytics = out.postCallAnalytics as { summary: string; dispositionMetrics: Disposition[] } | undefined
  if (analytics && c.key % 3 === 0) {
    out.postCallAnalytics = { ...analytics, dispositionMetrics: Object.fromEntries(analytics.dispositionMetrics.map((m) => [m.identifier, m.value])) }
  }
  return out
}

export interface SpokenTurn {
  role: Role
  content: string
  /** Emulator ms of the platform's timestamp of the turn. */
  atMs: number
}

/** A transcript in one of the old shapes, or null when this call keeps the current one. */
export function legacyTranscript(turns: SpokenTurn[], c: EmuCall): unknown[] | null {
  if (c.key % 3 === 1) return turns.map((t) => `${t.role === 'agent' ? 'Agent' : 'User'}: ${t.content}`)
  if (c.key % 3 === 2) return turns.map((t) => ({ role: t.role, content: t.content, timestamp: Math.round(t.atMs - c.startMs) }))
  return null
}
