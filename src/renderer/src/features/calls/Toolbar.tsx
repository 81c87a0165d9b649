// Search, the filter panel's toggle (with how many filters are on) and the column chooser.
import { useShallow } from 'zustand/react/shallow'
import { filterKeys } from '../../lib/query'
import { useStore } from '../../store'
import { ColumnChooser } from './ColumnChooser'
import { SearchBox } from './SearchBox'

export function Toolbar() {
  const { filtersOpen, toggleFilters, active } = useStore(
    useShallow((s) => ({ filtersOpen: s.filtersOpen, toggleFilters: s.toggleFilters, active: filterKeys(s.query).filter((k) => k !== 'text').length })),
  )
  return (
    <div className="toolbar">
      <SearchBox />
      <button type="button" className={`btn${filtersOpen ? ' btn-on' : ''}`} aria-expanded={filtersOpen} aria-controls="filter-panel" onClick={() => toggleFilters()}>
        Filters{active ? <span className="badge-count" aria-label={`, ${active} on`}>{active}</span> : null}
      </button>
      <ColumnChooser />
    </div>
  )
}
