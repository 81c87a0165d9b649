// Calls whose post-call analysis gave a metric one of some values (e.g. call_resolved = resolved).
import { useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'

export function DispositionFilter() {
  const { current, setQuery } = useStore(useShallow((s) => ({ current: s.query.dispositions?.[0], setQuery: s.setQuery })))
  const [identifier, setIdentifier] = useState(current?.identifier ?? '')
  const [values, setValues] = useState(current?.values.join(', ') ?? '')
  const [shown, setShown] = useState(current)
  if (shown !== current) {
    setShown(current)
    setIdentifier(current?.identifier ?? '')
    setValues(current?.values.join(', ') ?? '')
  }
  const list = values.split(',').map((v) => v.trim()).filter(Boolean)
  const incomplete = (identifier.trim() === '') !== (list.length === 0)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (incomplete) return
    setQuery({ dispositions: identifier.trim() ? [{ identifier: identifier.trim(), values: list }] : undefined })
  }
  return (
    <form className="facet" onSubmit={submit} aria-label="Disposition">
      <div className="facet-title">Disposition</div>
      <input type="text" aria-label="Disposition metric" placeholder="metric, e.g. call_resolved" spellCheck={false} value={identifier} onChange={(e) => setIdentifier(e.target.value)} />
      <div className="range">
        <input type="text" aria-label="Disposition values" placeholder="values, comma separated" spellCheck={false} value={values} onChange={(e) => setValues(e.target.value)} />
        <button type="submit" className="btn btn-small" disabled={incomplete}>Apply</button>
      </div>
      {incomplete && (identifier || values) ? <p className="muted small">Enter both a metric and at least one value.</p> : null}
    </form>
  )
}
