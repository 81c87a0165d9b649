// A multi-select list of one dimension's values with their counts; long lists show the top few
// until expanded. Selected values stay listed even when no call has them under other filters.
import { memo, useState } from 'react'
import type { FacetCount } from '@shared/query'
import { count, label } from '../../lib/format'
import { useStore } from '../../store'
import type { ListQuery } from '../../lib/query'

type ListKey = 'statuses' | 'types' | 'reasons' | 'agentIds' | 'campaignIds'
const SHOWN = 6
const NONE: string[] = []

export const FacetList = memo(function FacetList({ title, field, counts, named }: { title: string; field: ListKey; counts: FacetCount[] | undefined; named?: boolean }) {
  const selected = useStore((s) => s.query[field]) ?? NONE
  const setQuery = useStore((s) => s.setQuery)
  const [expanded, setExpanded] = useState(false)
  const values = counts ?? []
  const all = [...values, ...selected.filter((v) => !values.some((c) => c.value === v)).map((value) => ({ value, label: value, count: 0 }))]
  const shown = expanded ? all : all.filter((c, i) => i < SHOWN || selected.includes(c.value))
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value)
    setQuery({ [field]: next.length ? next : undefined } as Partial<ListQuery>)
  }
  // A dimension with no value among these calls (and none picked) has nothing to offer.
  if (counts !== undefined && all.length === 0) return null
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      {counts === undefined ? <p className="muted small">Counting…</p> : null}
      {shown.map((c) => (
        <label key={c.value} className="check">
          <input type="checkbox" checked={selected.includes(c.value)} onChange={(e) => toggle(c.value, e.target.checked)} />
          <span className="facet-label" title={named ? `${c.label} (${c.value})` : c.value}>{named ? c.label : label(c.value)}</span>
          <span className="facet-count">{count(c.count)}</span>
        </label>
      ))}
      {all.length > shown.length || expanded ? (
        <button type="button" className="link small" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? 'Show fewer' : `Show all ${all.length}`}
        </button>
      ) : null}
    </fieldset>
  )
})
