// Writing or editing one annotation: a comment, a correction (the text the turn should have had,
// starting from what it says now) or a label, on the chosen turn and/or waveform range.
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ANNOTATION_KINDS, type AnnotationKind, type AnnotationView } from '@shared/review'
import { useSuggestions } from '../../hooks/useSuggestions'
import { ipc } from '../../lib/ipc'
import { useStore } from '../../store'
import { transcriptOf } from './select'
import { targetText } from './targets'

export function AnnotationForm({ editing, onDone }: { editing: AnnotationView | null; onDone: () => void }) {
  const { target, callId, turns, save, setTarget } = useStore(
    useShallow((s) => ({
      target: s.annotationTarget, callId: s.openId, save: s.saveAnnotation, setTarget: s.setAnnotationTarget, turns: transcriptOf(s),
    })),
  )
  const at = editing ?? target
  const turnText = at?.turnIndex != null ? (turns.find((t) => t.index === at.turnIndex)?.text ?? '') : ''
  const [kind, setKind] = useState<AnnotationKind>(editing?.kind ?? 'comment')
  const [text, setText] = useState(editing?.text ?? '')
  const [labelName, setLabelName] = useState(editing?.label ?? '')
  const labels = useSuggestions(ipc.labelSuggestions, labelName.trim(), kind === 'label')
  const listId = useId()
  if (!at || !callId) return null
  const clearTarget = () => setTarget(null)
  const pickKind = (k: AnnotationKind) => {
    setKind(k)
    if (k === 'correction' && !text) setText(turnText)
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const ok = await save({
      ...(editing ? { id: editing.id } : {}), callId, kind, text: text.trim(), label: kind === 'label' ? labelName.trim() : null,
      turnIndex: at.turnIndex, startS: at.startS, endS: at.endS,
    })
    if (ok) {
      clearTarget()
      onDone()
    }
  }
  const cancel = () => (clearTarget(), onDone())
  // Esc closes the form only: the player's window handler (which closes the call on Esc) skips
  // prevented events, and stopping it keeps other window listeners out too.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    e.stopPropagation()
    cancel()
  }
  const needsTurn = kind === 'correction' && at.turnIndex == null
  const invalid = needsTurn || (kind === 'label' ? !labelName.trim() : !text.trim())
  return (
    <form className="annotation-form" aria-label={editing ? 'Edit annotation' : 'New annotation'} onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
      <div className="annotation-form-head">
        <strong>{editing ? 'Edit' : 'Annotate'}</strong> <span className="muted small">{targetText(at, turns)}</span>
      </div>
      <div className="segmented" role="radiogroup" aria-label="Kind">
        {ANNOTATION_KINDS.map((k) => (
          <button key={k} type="button" role="radio" className="seg" aria-checked={kind === k} onClick={() => pickKind(k)}>{k[0]!.toUpperCase() + k.slice(1)}</button>
        ))}
      </div>
      {kind === 'label' ? (
        <>
          <input aria-label="Label" placeholder="Label, e.g. wrong-info" list={listId} value={labelName} maxLength={64} autoFocus onChange={(e) => setLabelName(e.target.value)} />
          <datalist id={listId}>{labels.map((l) => <option key={l} value={l} />)}</datalist>
        </>
      ) : null}
      <textarea
        aria-label={kind === 'correction' ? 'Corrected text' : kind === 'label' ? 'Note (optional)' : 'Comment'}
        placeholder={kind === 'correction' ? 'What the turn should have said' : kind === 'label' ? 'Note (optional)' : 'What went wrong or right'}
        rows={3} maxLength={10_000} value={text} autoFocus={kind !== 'label'} onChange={(e) => setText(e.target.value)}
      />
      {needsTurn ? <small className="inline-error">A correction belongs to a turn: pick one in the transcript.</small> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={invalid}>Save</button>
        <button type="button" className="btn btn-quiet btn-small" onClick={cancel}>Cancel</button>
      </div>
    </form>
  )
}
