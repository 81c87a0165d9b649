// A yes / no / either filter of the query (has a recording, is a test call) as a labelled select.
import { memo } from 'react'
import { useStore } from '../../store'

type Field = 'hasRecording' | 'isTest'
const toValue = (v: boolean | undefined) => (v === undefined ? '' : v ? 'yes' : 'no')

export const ChoiceFilter = memo(function ChoiceFilter({ title, field, options }: { title: string; field: Field; options: readonly { value: '' | 'yes' | 'no'; label: string }[] }) {
  const value = useStore((s) => toValue(s.query[field]))
  const setQuery = useStore((s) => s.setQuery)
  const id = `choice-${field}`
  return (
    <div className="facet field">
      <label htmlFor={id} className="facet-title">{title}</label>
      <select id={id} value={value} onChange={(e) => setQuery({ [field]: e.target.value === '' ? undefined : e.target.value === 'yes' })}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  )
})
