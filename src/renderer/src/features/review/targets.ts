// How an annotation's place in the call is named: its turn (with the speaker) and/or its range.
import type { TranscriptTurn } from '@shared/domain'
import { speakerLabel, speakerOf } from '../player/context'
import { clock } from '../player/timing'

export function targetText(at: { turnIndex: number | null; startS: number | null; endS: number | null }, turns: TranscriptTurn[]): string {
  const parts: string[] = []
  if (at.turnIndex != null) {
    const role = turns.find((t) => t.index === at.turnIndex)?.role
    parts.push(`Turn ${at.turnIndex + 1}${role ? ` · ${speakerLabel(speakerOf(role), role)}` : ''}`)
  }
  if (at.startS != null && at.endS != null) parts.push(`${clock(at.startS)}–${clock(at.endS)}`)
  return parts.join(' · ')
}
