// Save the list as a new view, update the selected view with the list as it is now, rename it or
// delete it (after a confirmation). Names are checked by main (unique, not empty).
import { useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'
import { viewEdited } from '../../store/views.slice'

type Mode = { kind: 'idle' } | { kind: 'name'; purpose: 'new' | 'rename' } | { kind: 'delete' }

export function ViewActions() {
  const { current, edited, error, saveViewAs, updateView, renameView, deleteView, clearError } = useStore(
    useShallow((s) => ({
      current: s.views.find((v) => v.id === s.viewId) ?? null, edited: viewEdited(s), error: s.viewsError,
      saveViewAs: s.saveViewAs, updateView: s.updateView, renameView: s.renameView, deleteView: s.deleteView, clearError: s.clearViewsError,
    })),
  )
  const [mode, setMode] = useState<Mode>({ kind: 'idle' })
  const [name, setName] = useState('')
  const start = (next: Mode, initial = '') => {
    clearError()
    setName(initial)
    setMode(next)
  }
  const done = (ok: boolean) => ok && setMode({ kind: 'idle' })

  if (mode.kind === 'name') {
    const submit = async (e: FormEvent) => {
      e.preventDefault()
      done(mode.purpose === 'new' ? await saveViewAs(name) : await renameView(current!.id, name))
    }
    return (
      <form className="view-actions" onSubmit={submit} aria-label={mode.purpose === 'new' ? 'Save view' : 'Rename view'}>
        <label className="sr-only" htmlFor="view-name">View name</label>
        <input id="view-name" type="text" autoFocus maxLength={80} value={name} placeholder="View name" onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setMode({ kind: 'idle' })} />
        <button type="submit" className="btn btn-primary btn-small" disabled={!name.trim()}>{mode.purpose === 'new' ? 'Save' : 'Rename'}</button>
        <button type="button" className="btn btn-quiet btn-small" onClick={() => setMode({ kind: 'idle' })}>Cancel</button>
        {error ? <span className="inline-error" role="alert">{error}</span> : null}
      </form>
    )
  }
  if (mode.kind === 'delete' && current) {
    return (
      <div className="view-actions" role="group" aria-label="Confirm delete">
        <span>Delete “{current.name}”?</span>
        <button type="button" className="btn btn-danger btn-small" onClick={() => void deleteView(current.id).then(done)}>Delete</button>
        <button type="button" className="btn btn-quiet btn-small" onClick={() => setMode({ kind: 'idle' })}>Cancel</button>
        {error ? <span className="inline-error" role="alert">{error}</span> : null}
      </div>
    )
  }
  return (
    <div className="view-actions">
      {current ? (
        <>
          <button type="button" className="btn btn-small" disabled={!edited} onClick={() => void updateView()}>Update view</button>
          <button type="button" className="btn btn-quiet btn-small" onClick={() => start({ kind: 'name', purpose: 'rename' }, current.name)}>Rename…</button>
          <button type="button" className="btn btn-quiet btn-small" onClick={() => start({ kind: 'delete' })}>Delete…</button>
        </>
      ) : null}
      <button type="button" className="btn btn-small" onClick={() => start({ kind: 'name', purpose: 'new' })}>{current ? 'Save as new…' : 'Save view…'}</button>
      {error ? <span className="inline-error" role="alert">{error}</span> : null}
    </div>
  )
}
