// Per turn, what reviewers wrote that the transcript shows inline: the newest correction and the
// labels. Stale annotations (the turn's text changed since) are left to the annotation list.
import { useMemo } from 'react'
import { useStore } from '../../store'
import type { TurnNotes } from '../player/TurnRow'

const NONE = new Map<number, TurnNotes>()

export function useTurnNotes(): Map<number, TurnNotes> {
  const annotations = useStore((s) => s.review?.annotations)
  return useMemo(() => {
    if (!annotations?.length) return NONE
    const notes = new Map<number, TurnNotes>()
    const sorted = [...annotations].sort((a, b) => a.updatedMs - b.updatedMs)
    for (const a of sorted) {
      if (a.turnIndex === null || a.stale) continue
      const n = notes.get(a.turnIndex) ?? { correction: null, labels: [] }
      if (a.kind === 'correction') n.correction = a.text
      if (a.kind === 'label' && a.label && !n.labels.includes(a.label)) n.labels.push(a.label)
      notes.set(a.turnIndex, n)
    }
    return notes
  }, [annotations])
}
