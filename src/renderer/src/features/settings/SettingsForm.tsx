// Workspace settings: each field is checked as the user saves, with the reason shown under the
// field; only changed fields are sent, and main's own refusal lands beside its field too.
import { useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Settings } from '@shared/settings'
import { errorMessage } from '../../lib/ipc'
import { useStore } from '../../store'
import { FIELDS, fieldOfError, toDraft, type Draft, type FieldDef, type FieldKey } from './settingsFields'

type Errors = Partial<Record<FieldKey, string>>

function Field({ def, value, error, onChange }: { def: FieldDef; value: string; error?: string; onChange: (v: string) => void }) {
  const id = `setting-${def.key}`
  const describedBy = `${id}-hint${error ? ` ${id}-error` : ''}`
  return (
    <div className="field">
      <label htmlFor={id}>{def.label}</label>
      {def.kind === 'select' ? (
        <select id={id} value={value} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)}>
          {def.options!.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      ) : (
        <input id={id} type="text" inputMode={def.kind === 'number' ? 'decimal' : undefined} spellCheck={false} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} />
      )}
      {error ? <small id={`${id}-error`} className="inline-error" role="alert">{error}</small> : null}
      <small id={`${id}-hint`} className="muted">{def.hint}</small>
    </div>
  )
}

export function SettingsForm() {
  const { settings, update } = useStore(useShallow((s) => ({ settings: s.settings, update: s.updateSettings })))
  const [draft, setDraft] = useState<Draft | null>(settings ? toDraft(settings) : null)
  const [errors, setErrors] = useState<Errors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle')
  // Settings saved or reloaded elsewhere replace the draft.
  const [shown, setShown] = useState(settings)
  if (shown !== settings) {
    setShown(settings)
    setDraft(settings ? toDraft(settings) : null)
  }
  if (!draft || !settings) return <p className="muted">Loading settings…</p>

  const change = (key: FieldKey, value: string) => {
    setDraft({ ...draft, [key]: value })
    setErrors({ ...errors, [key]: undefined })
    setStatus('idle')
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const found: Errors = {}
    const patch: Record<string, unknown> = {}
    for (const def of FIELDS) {
      const parsed = def.parse(draft[def.key], draft)
      if ('error' in parsed) found[def.key] = parsed.error
      else if (parsed.value !== settings[def.key]) patch[def.key] = parsed.value
    }
    setErrors(found)
    setFormError(null)
    if (Object.keys(found).length) {
      document.getElementById(`setting-${Object.keys(found)[0]}`)?.focus()
      return
    }
    if (!Object.keys(patch).length) return setStatus('saved')
    setStatus('saving')
    try {
      await update(patch as Partial<Settings>)
      setStatus('saved')
    } catch (err) {
      setStatus('idle')
      const message = errorMessage(err)
      const field = fieldOfError(message)
      if (field) setErrors({ [field.key]: field.text })
      else setFormError(message)
    }
  }
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="workspace-title" noValidate>
      <h2 id="workspace-title">Workspace</h2>
      {FIELDS.map((def) => <Field key={def.key} def={def} value={draft[def.key]} error={errors[def.key]} onChange={(v) => change(def.key, v)} />)}
      <div className="row form-actions">
        <button type="submit" className="btn btn-primary" disabled={status === 'saving'}>{status === 'saving' ? 'Saving…' : 'Save settings'}</button>
        <button type="button" className="btn" onClick={() => (setDraft(toDraft(settings)), setErrors({}), setStatus('idle'))}>Undo changes</button>
        {status === 'saved' ? <span className="muted" role="status">Saved</span> : null}
      </div>
      {formError ? <p className="banner banner-error" role="alert">{formError}</p> : null}
    </form>
  )
}
