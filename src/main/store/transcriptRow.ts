// A transcript as call_details stores it: one JSON array per turn, [role, text, at, offsetMs], in
// order (a turn's index is its position, as the mapper numbers them). Writing every turn's keys out
// was a third of the bytes of a stored transcript, and transcripts are most of the cache: fewer
// bytes are less to serialise, to write to the WAL and to flush to disk at the end of a backfill.
import type { TranscriptTurn } from '@shared/domain'

type StoredTurn = [role: string, text: string, at: string | null, offsetMs: number | null]

export function encodeTranscript(turns: TranscriptTurn[]): string {
  return JSON.stringify(turns.map((t): StoredTurn => [t.role, t.text, t.at, t.offsetMs]))
}

export function decodeTranscript(json: string): TranscriptTurn[] {
  return (JSON.parse(json) as StoredTurn[]).map(([role, text, at, offsetMs], index) => ({ index, role, text, at, offsetMs }))
}

/** A transcript's words, one turn a line (what the full-text index holds). */
export function transcriptText(turns: { text: string }[]): string {
  return turns.map((t) => t.text).join('\n')
}

/** The words of a stored transcript, one turn a line (what the full-text index holds). */
export function storedTranscriptText(json: string): string {
  return (JSON.parse(json) as StoredTurn[]).map((t) => t[1]).join('\n')
}
