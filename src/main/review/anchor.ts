// How an annotation stays attached to a turn whose transcript may change when the call is synced
// again: it keeps the turn index, its time range and a hash of the turn's text. Shown later, it is
// stale when the turn at that index no longer has that text; if another turn does, it moved there.
import { createHash } from 'node:crypto'
import type { TranscriptTurn } from '@shared/domain'
import type { Annotation, AnnotationView } from '@shared/review'

/** Whitespace is not a change of what was said: re-synced transcripts may re-space a turn. */
export function turnHash(text: string): string {
  return createHash('sha256').update(text.trim().replace(/\s+/g, ' ')).digest('hex').slice(0, 16)
}

/** The annotations seen against the current transcript (null: not in the cache, staleness unknown). */
export function anchor(annotations: Annotation[], transcript: TranscriptTurn[] | null): AnnotationView[] {
  if (!transcript) return annotations.map((a) => ({ ...a, stale: false, relocatedTo: null }))
  let hashes: string[] | null = null
  return annotations.map((a) => {
    if (a.turnIndex === null || a.turnHash === null) return { ...a, stale: false, relocatedTo: null }
    hashes ??= transcript.map((t) => turnHash(t.text))
    if (hashes[a.turnIndex] === a.turnHash) return { ...a, stale: false, relocatedTo: null }
    return { ...a, stale: true, relocatedTo: nearest(hashes, a.turnHash, a.turnIndex) }
  })
}

/** The turn with this hash closest to where it was, or null. */
function nearest(hashes: string[], hash: string, from: number): number | null {
  let best: number | null = null
  hashes.forEach((h, i) => {
    if (h === hash && (best === null || Math.abs(i - from) < Math.abs(best - from))) best = i
  })
  return best
}
