// Every filter of the query service, with facet counts beside each value. Counts are computed
// under the other filters, so they say how many calls picking that value would give. Each filter
// reads its own part of the query, so a change re-renders only what it touches.
import { useShallow } from 'zustand/react/shallow'
import { filterKeys } from '../../lib/query'
import { useStore } from '../../store'
import { ChoiceFilter } from './ChoiceFilter'
import { DateFilter } from './DateFilter'
import { DispositionFilter } from './DispositionFilter'
import { FacetList } from './FacetList'
import { RangeFilter } from './RangeFilter'
import { ReviewFilters } from './ReviewFilters'

const RECORDING = [{ value: '', label: 'Any' }, { value: 'yes', label: 'With a recording' }, { value: 'no', label: 'Without a recording' }] as const
const TEST_CALLS = [{ value: '', label: 'Include' }, { value: 'no', label: 'Exclude' }, { value: 'yes', label: 'Only test calls' }] as const

export function FilterPanel() {
  const { facets, facetsLoading, facetsError, active, clearFilters, toggleFilters } = useStore(
    useShallow((s) => ({
      facets: s.facets, facetsLoading: s.facetsLoading, facetsError: s.facetsError, active: filterKeys(s.query).length,
      clearFilters: s.clearFilters, toggleFilters: s.toggleFilters,
    })),
  )
  return (
    <aside className="filters" id="filter-panel" aria-label="Filters" aria-busy={facetsLoading || undefined}>
      <div className="filters-head">
        <h2>Filters</h2>
        <button type="button" className="btn btn-quiet btn-small" disabled={active === 0} onClick={clearFilters}>Clear all</button>
        <button type="button" className="btn btn-quiet btn-small" aria-label="Hide filters" onClick={() => toggleFilters(false)}>«</button>
      </div>
      {facetsError ? <p className="inline-error" role="alert">Counts unavailable: {facetsError}</p> : null}
      {facets && !facets.statuses.length && !active ? <p className="muted small">The values to filter by appear as calls are synced.</p> : null}
      <DateFilter />
      <FacetList title="Status" field="statuses" counts={facets?.statuses} />
      <FacetList title="Type" field="types" counts={facets?.types} />
      <FacetList title="Ended because" field="reasons" counts={facets?.reasons} />
      <FacetList title="Agent" field="agentIds" counts={facets?.agents} named />
      <FacetList title="Campaign" field="campaignIds" counts={facets?.campaigns} named />
      <RangeFilter title="Duration (seconds)" field="duration" />
      <RangeFilter title="Cost (credits)" field="cost" />
      <RangeFilter title="Avg latency (ms)" field="latency" />
      <ChoiceFilter title="Recording" field="hasRecording" options={RECORDING} />
      <ChoiceFilter title="Test calls" field="isTest" options={TEST_CALLS} />
      <DispositionFilter />
      <ReviewFilters />
    </aside>
  )
}
