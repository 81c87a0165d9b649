// The call's annotations in call order: what, where, who; stale ones (the transcript changed
// since) say so; each can be edited, deleted (and the last change undone), or played.
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { AnnotationView } from '@shared/review'
import { useStore } from '../../store'
import type { AnnotationTarget } from '../../store/review.slice'
import { AnnotationForm } from './AnnotationForm'
import { annotationsOf, transcriptOf } from './select'
import { targetText } from './targets'

const order = (a: AnnotationView) => a.startS ?? a.turnIndex ?? 0
/**
 * The new-annotation form starts afresh for another target (✎ on another turn, or a range after
 * a turn), so text typed for one turn is never saved on the next. Not keyed by the range's times:
 * dragging the range's edges moves the same draft.
 */
const targetKey = (t: AnnotationTarget) => `new-${t.turnIndex ?? 'none'}-${t.startS === null ? 'turn' : 'range'}`

export function AnnotationList({ onSeek, onAnnotateRange }: { onSeek?: (a: AnnotationView) => void; onAnnotateRange?: () => void }) {
  const { annotations, turns, remove, undo, target } = useStore(
    useShallow((s) => ({
      annotations: annotationsOf(s), remove: s.deleteAnnotation, undo: s.undoReview, target: s.annotationTarget, turns: transcriptOf(s),
    })),
  )
  const [editing, setEditing] = useState<AnnotationView | null>(null)
  const sorted = [...annotations].sort((a, b) => order(a) - order(b))
  return (
    <div className="annotations">
      {target && !editing ? <AnnotationForm key={targetKey(target)} editing={null} onDone={() => {}} /> : null}
      {sorted.length === 0 && !target ? <p className="muted small">No annotations yet: use ✎ on a turn, or Annotate a range.</p> : null}
      <ul className="annotation-list" aria-label="Annotations">
        {sorted.map((a) =>
          editing?.id === a.id ? (
            <li key={a.id}><AnnotationForm editing={a} onDone={() => setEditing(null)} /></li>
          ) : (
            <li key={a.id} className={`annotation kind-${a.kind}${a.stale ? ' stale' : ''}`} data-annotation-id={a.id}>
              <div className="annotation-head">
                <span className={`chip chip-kind-${a.kind}`}>{a.kind === 'label' ? a.label : a.kind}</span>
                <button type="button" className="link small" title="Play from here" onClick={() => onSeek?.(a)}>{targetText(a, turns)}</button>
                <span className="muted small">{a.author || 'Someone'}</span>
              </div>
              {a.text ? <p className="annotation-text">{a.text}</p> : null}
              {a.stale ? (
                <p className="small warn-text" role="note">
                  The transcript changed since this was written{a.relocatedTo !== null ? `; the text is now in turn ${a.relocatedTo + 1}` : ''}.
                </p>
              ) : null}
              <div className="annotation-actions">
                <button type="button" className="btn btn-quiet btn-small" onClick={() => setEditing(a)}>Edit</button>
                <button type="button" className="btn btn-quiet btn-small" onClick={() => void remove(a.id)}>Delete</button>
              </div>
            </li>
          ),
        )}
      </ul>
      <div className="form-actions">
        {onAnnotateRange ? <button type="button" className="btn btn-small" title="Mark a stretch of the recording from the playhead; drag its edges on the waveform" onClick={onAnnotateRange}>Annotate a range</button> : null}
        <button type="button" className="btn btn-quiet btn-small" title="Undo the last annotation change (Ctrl+Z)" onClick={() => void undo()}>Undo</button>
      </div>
    </div>
  )
}
