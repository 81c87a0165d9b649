// How an annotation's place in the call is named: its turn (with the speaker) and/or its range.
import type { TranscriptTurn } from '@shared/domain'
import { duration } from '../../lib/format'

export function targetText(at: { turnIndex: number | null; startS: number | null; endS: number | null }, turns: TranscriptTurn[]): string {
  const parts: string[] = []
  if (at.turnIndex != null) {
    const role = turns.find((t) => t.index === at.turnIndex)?.role
    parts.push(`Turn ${at.turnIndex + 1}${role ? ` · ${role === 'user' ? 'Caller' : role === 'agent' ? 'Agent' : role}` : ''}`)
  }
  if (at.startS != null && at.endS != null) parts.push(`${duration(at.startS)}–${duration(at.endS)}`)
  return parts.join(' · ')
}
