import { useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'

/** Saved views: pick one, save the current filters, sort and columns under a name, or delete. */
export function ViewsMenu() {
  const { views, viewId, error, applyView, saveView, deleteView, replaceQuery } = useStore(
    useShallow((s) => ({ views: s.views, viewId: s.viewId, error: s.viewsError, applyView: s.applyView, saveView: s.saveView, deleteView: s.deleteView, replaceQuery: s.replaceQuery })),
  )
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const current = views.find((v) => v.id === viewId)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (await saveView(name.trim(), current?.name.toLowerCase() === name.trim().toLowerCase())) {
      setNaming(false)
      setName('')
    }
  }

  return (
    <div className="views">
      <label>
        <span className="sr-only">Saved view</span>
        <select value={viewId ?? ''} onChange={(e) => (e.target.value ? applyView(e.target.value) : replaceQuery({ sortBy: 'createdAt', sortOrder: 'desc' }))}>
          <option value="">All calls</option>
          {views.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      {naming ? (
        <form className="row" onSubmit={submit}>
          <label className="sr-only" htmlFor="view-name">View name</label>
          <input id="view-name" type="text" autoFocus value={name} placeholder="View name" onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setNaming(false)} />
          <button type="submit" className="btn btn-primary" disabled={!name.trim()}>Save</button>
        </form>
      ) : (
        <button type="button" className="btn" onClick={() => (setName(current?.name ?? ''), setNaming(true))}>
          Save view
        </button>
      )}
      {current ? (
        <button type="button" className="btn btn-quiet" aria-label={`Delete view ${current.name}`} onClick={() => void deleteView(current.id)}>
          Delete
        </button>
      ) : null}
      {error ? <span className="inline-error" role="alert">{error}</span> : null}
    </div>
  )
}
