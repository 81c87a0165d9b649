// Scorecards in Settings: pick one to edit or start a new one; items with a weight, pass/fail or a
// 0..N scale, and auto-fail. Saving makes a new version (scores keep the version they used);
// main checks the rubric and its refusal is shown in its words.
import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { RubricItem } from '@shared/review'
import { errorMessage } from '../../lib/ipc'
import { useStore } from '../../store'
import '../review/review.css'

interface Draft {
  id?: string
  name: string
  items: RubricItem[]
}

const blankItem = (n: number): RubricItem => ({ id: `item-${Date.now().toString(36)}-${n}`, label: '', weight: 1, kind: 'passfail', autoFail: false })

function ItemEditor({ item, onChange, onRemove }: { item: RubricItem; onChange: (i: RubricItem) => void; onRemove: () => void }) {
  const kind = (k: RubricItem['kind']) => onChange(k === 'scale' ? { ...item, kind: k, scaleMax: item.scaleMax ?? 5 } : { ...item, kind: k, scaleMax: undefined })
  return (
    <li className="rubric-item">
      <input aria-label="Question" placeholder="Question, e.g. Greeted the caller by name" value={item.label} maxLength={200} onChange={(e) => onChange({ ...item, label: e.target.value })} />
      <label className="small">Weight <input aria-label="Weight" type="number" min={0.1} step={0.5} value={item.weight} onChange={(e) => onChange({ ...item, weight: Number(e.target.value) })} /></label>
      <select aria-label="Answer type" value={item.kind} onChange={(e) => kind(e.target.value as RubricItem['kind'])}>
        <option value="passfail">Pass / fail</option>
        <option value="scale">Scale 0..N</option>
      </select>
      {item.kind === 'scale' ? <label className="small">N <input aria-label="Scale maximum" type="number" min={1} max={100} value={item.scaleMax ?? 5} onChange={(e) => onChange({ ...item, scaleMax: Math.round(Number(e.target.value)) })} /></label> : null}
      <label className="small"><input type="checkbox" checked={item.autoFail} onChange={(e) => onChange({ ...item, autoFail: e.target.checked })} /> Auto-fail</label>
      <button type="button" className="btn btn-quiet btn-small" aria-label={`Remove ${item.label || 'item'}`} onClick={onRemove}>✕</button>
    </li>
  )
}

export function RubricEditor() {
  const { rubrics, load, save } = useStore(useShallow((s) => ({ rubrics: s.rubrics, load: s.loadRubrics, save: s.saveRubric })))
  const [draft, setDraft] = useState<Draft | null>(null)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  useEffect(() => void load(), [load])
  const edit = (d: Draft | null) => (setDraft(d), setMessage(null))
  const setItem = (k: number, item: RubricItem) => draft && setDraft({ ...draft, items: draft.items.map((x, i) => (i === k ? item : x)) })
  const submit = async () => {
    if (!draft) return
    try {
      const saved = await save({ ...(draft.id ? { id: draft.id } : {}), name: draft.name, items: draft.items })
      setMessage({ error: false, text: `Saved “${saved.name}” as version ${saved.version}.` })
      setDraft(null)
    } catch (err) {
      setMessage({ error: true, text: errorMessage(err) })
    }
  }
  return (
    <section className="card" aria-labelledby="rubrics-title">
      <h2 id="rubrics-title">Scorecards</h2>
      <ul className="rubric-list">
        {rubrics.map((r) => (
          <li key={r.id}>
            <strong>{r.name}</strong> <span className="muted small">v{r.version} · {r.items.length} items</span>{' '}
            <button type="button" className="btn btn-quiet btn-small" onClick={() => edit({ id: r.id, name: r.name, items: r.items })}>Edit</button>
          </li>
        ))}
      </ul>
      {draft ? (
        <div className="rubric-form">
          <input aria-label="Scorecard name" placeholder="Scorecard name" value={draft.name} maxLength={120} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          <ol className="rubric-items">{draft.items.map((item, k) => <ItemEditor key={item.id} item={item} onChange={(i) => setItem(k, i)} onRemove={() => setDraft({ ...draft, items: draft.items.filter((_, i) => i !== k) })} />)}</ol>
          <div className="form-actions">
            <button type="button" className="btn btn-small" onClick={() => setDraft({ ...draft, items: [...draft.items, blankItem(draft.items.length)] })}>Add item</button>
            <button type="button" className="btn btn-primary btn-small" onClick={() => void submit()}>{draft.id ? 'Save new version' : 'Create scorecard'}</button>
            <button type="button" className="btn btn-quiet btn-small" onClick={() => edit(null)}>Cancel</button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => edit({ name: '', items: [blankItem(0)] })}>New scorecard</button>
      )}
      {message ? <p className={message.error ? 'inline-error' : 'muted'} role={message.error ? 'alert' : 'status'}>{message.text}</p> : null}
    </section>
  )
}
