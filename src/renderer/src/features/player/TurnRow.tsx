// One transcript turn: who, when in the recording (click to play from there), the text with find
// matches marked; the turn being heard is aria-current; an uncertain alignment is marked.
import { memo } from 'react'
import type { AlignedTurn } from '@shared/media'
import { speakerLabel, type Speaker } from './context'
import { splitMatches } from './find'
import { clock } from './timing'

const LOW_CONFIDENCE = 0.5

interface Props {
  index: number
  role: string
  speaker: Speaker
  text: string
  aligned: AlignedTurn | undefined
  active: boolean
  query: string
  /** Which occurrence in this turn is the current find match, or -1. */
  currentNth: number
  onSeek: (t: number) => void
  /** What reviewers wrote on this turn: the corrected text and labels (not stale ones). */
  notes?: TurnNotes
  onAnnotate?: (index: number) => void
}

export interface TurnNotes {
  correction: string | null
  labels: string[]
}

export const TurnRow = memo(function TurnRow({ index, role, speaker, text, aligned, active, query, currentNth, onSeek, notes, onAnnotate }: Props) {
  const low = aligned !== undefined && aligned.confidence < LOW_CONFIDENCE
  let nth = 0
  return (
    <li
      className={`turn turn-${speaker === 'caller' ? 'user' : speaker}${low ? ' turn-low' : ''}${aligned ? ' turn-aligned' : ''}`}
      data-turn={index}
      aria-current={active ? 'true' : undefined}
      onClick={() => aligned && !window.getSelection()?.toString() && onSeek(aligned.startS)}
    >
      <span className="turn-role">{speakerLabel(speaker, role)}</span>
      <span className="turn-body">
        {aligned ? (
          <button type="button" className="turn-time mono" aria-label={`Play from ${clock(aligned.startS)}`} onClick={(e) => (e.stopPropagation(), onSeek(aligned.startS))}>
            {clock(aligned.startS)}
          </button>
        ) : null}
        {low ? <span className="turn-low-badge" title={`Where this turn is heard is uncertain (${Math.round(aligned.confidence * 100)}% confident)`}>≈ uncertain time</span> : null}
        <span className="turn-text">
          {splitMatches(text, query).map((part, k) =>
            part.hit ? <mark key={k} className={nth++ === currentNth ? 'find-current' : undefined}>{part.text}</mark> : <span key={k}>{part.text}</span>,
          )}
        </span>
        {notes?.correction ? <span className="turn-correction" title="A reviewer's correction of this turn"><strong>Should be:</strong> {notes.correction}</span> : null}
        {notes?.labels.map((l) => <span key={l} className="chip chip-kind-label">{l}</span>)}
      </span>
      {onAnnotate ? (
        <button type="button" className="turn-annotate btn btn-quiet btn-small" aria-label={`Annotate turn ${index + 1}`} title="Annotate this turn" onClick={(e) => (e.stopPropagation(), onAnnotate(index))}>✎</button>
      ) : null}
    </li>
  )
})
