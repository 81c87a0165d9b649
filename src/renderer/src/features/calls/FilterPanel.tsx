// Every filter of the query service, with facet counts beside each value. Counts are computed
// under the other filters, so they say how many calls picking that value would give.
import { useShallow } from 'zustand/react/shallow'
import type { FacetCount } from '@shared/query'
import { label } from '../../lib/format'
import { useStore } from '../../store'
import type { ListQuery } from '../../store/list.slice'
import { RangeFilter } from './RangeFilter'

type ListKey = 'statuses' | 'types' | 'reasons' | 'agentIds' | 'campaignIds'

function FacetList({ title, field, counts, named }: { title: string; field: ListKey; counts: FacetCount[]; named?: boolean }) {
  const selected = useStore((s) => s.query[field]) ?? []
  const setQuery = useStore((s) => s.setQuery)
  const shown = [...counts, ...selected.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, label: value, count: 0 }))]
  const toggle = (value: string, on: boolean) => {
    const next = on ? [...selected, value] : selected.filter((v) => v !== value)
    setQuery({ [field]: next.length ? next : undefined } as Partial<ListQuery>)
  }
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      {shown.length === 0 ? <p className="muted small">None among these calls</p> : null}
      {shown.map((c) => (
        <label key={c.value} className="check">
          <input type="checkbox" checked={selected.includes(c.value)} onChange={(e) => toggle(c.value, e.target.checked)} />
          <span className="facet-label" title={c.value}>{named ? c.label : label(c.value)}</span>
          <span className="facet-count">{c.count.toLocaleString()}</span>
        </label>
      ))}
    </fieldset>
  )
}

function TriState({ title, value, onChange, yes, no }: { title: string; value: boolean | undefined; onChange: (v: boolean | undefined) => void; yes: string; no: string }) {
  return (
    <label className="field">
      <span>{title}</span>
      <select value={value === undefined ? '' : value ? 'yes' : 'no'} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'yes')}>
        <option value="">Any</option>
        <option value="yes">{yes}</option>
        <option value="no">{no}</option>
      </select>
    </label>
  )
}

export function FilterPanel() {
  const { facets, query, setQuery, replaceQuery } = useStore(useShallow((s) => ({ facets: s.facets, query: s.query, setQuery: s.setQuery, replaceQuery: s.replaceQuery })))
  const active = Object.keys(query).filter((k) => !['sortBy', 'sortOrder'].includes(k)).length
  return (
    <aside className="filters" aria-label="Filters">
      <div className="filters-head">
        <h2>Filters</h2>
        <button type="button" className="btn btn-quiet" disabled={active === 0} onClick={() => replaceQuery({ sortBy: query.sortBy, sortOrder: query.sortOrder })}>
          Clear{active ? ` (${active})` : ''}
        </button>
      </div>
      <FacetList title="Status" field="statuses" counts={facets?.statuses ?? []} />
      <FacetList title="Type" field="types" counts={facets?.types ?? []} />
      <FacetList title="Ended because" field="reasons" counts={facets?.reasons ?? []} />
      <FacetList title="Agent" field="agentIds" counts={facets?.agents ?? []} named />
      <FacetList title="Campaign" field="campaignIds" counts={facets?.campaigns ?? []} named />
      <RangeFilter title="Duration (s)" min={query.durationMin} max={query.durationMax} onChange={(durationMin, durationMax) => setQuery({ durationMin, durationMax })} />
      <RangeFilter title="Cost (credits)" min={query.costMin} max={query.costMax} onChange={(costMin, costMax) => setQuery({ costMin, costMax })} />
      <RangeFilter title="Avg latency (ms)" min={query.latencyMin} max={query.latencyMax} onChange={(latencyMin, latencyMax) => setQuery({ latencyMin, latencyMax })} />
      <TriState title="Recording" value={query.hasRecording} yes="Has a recording" no="No recording" onChange={(hasRecording) => setQuery({ hasRecording })} />
      <TriState title="Test calls" value={query.isTest} yes="Only test calls" no="Exclude test calls" onChange={(isTest) => setQuery({ isTest })} />
      <DispositionFilter />
    </aside>
  )
}

function DispositionFilter() {
  const value = useStore((s) => s.query.dispositions?.[0])
  const setQuery = useStore((s) => s.setQuery)
  const update = (identifier: string, v: string) =>
    setQuery({ dispositions: identifier.trim() && v.trim() ? [{ identifier: identifier.trim(), values: v.split(',').map((x) => x.trim()).filter(Boolean) }] : undefined })
  return (
    <fieldset className="facet">
      <legend>Disposition</legend>
      <div className="range">
        <label className="sr-only" htmlFor="disp-id">Metric</label>
        <input id="disp-id" type="text" placeholder="metric" defaultValue={value?.identifier ?? ''} onBlur={(e) => update(e.target.value, value?.values.join(',') ?? '')} />
        <label className="sr-only" htmlFor="disp-value">Value</label>
        <input id="disp-value" type="text" placeholder="value" defaultValue={value?.values.join(',') ?? ''} onBlur={(e) => update(value?.identifier ?? (document.getElementById('disp-id') as HTMLInputElement).value, e.target.value)} />
      </div>
    </fieldset>
  )
}
