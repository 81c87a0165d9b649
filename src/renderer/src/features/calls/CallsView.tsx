// The calls screen: filters on the left (can be hidden), the list in the middle, the open call on
// the right, and states that tell the user what to do when there is nothing to show. An open
// call needs room for its waveform: the filters step aside (their state is kept) and the list
// narrows to a column, or is hidden altogether (kept mounted, so its scroll and selection stay).
import { useShallow } from 'zustand/react/shallow'
import { useDelayedFlag } from '../../hooks/useDelayedFlag'
import { useStore } from '../../store'
import { ActiveFilters } from './ActiveFilters'
import { CallDetail } from './CallDetail'
import { CallTable } from './CallTable'
import { EmptyState } from './EmptyState'
import { FilterPanel } from './FilterPanel'
import { ListHeader } from './ListHeader'
import { Toolbar } from './Toolbar'

export function CallsView() {
  const { hasRows, open, filtersOpen, shownGeneration, resetPending, blockError, listHidden } = useStore(
    useShallow((s) => ({
      hasRows: (s.total ?? 0) > 0,
      open: s.openId !== null,
      filtersOpen: s.filtersOpen,
      shownGeneration: s.shownGeneration,
      resetPending: s.resetPending,
      blockError: (s.total ?? 0) > 0 ? s.listError : null,
      listHidden: s.listHidden,
    })),
  )
  const retry = useStore((s) => s.reloadRows)
  // The old rows dim only when the new ones are slow to come (repainting the list costs a frame).
  const slow = useDelayedFlag(resetPending, 150)
  const hideList = open && listHidden
  const columns = open ? (hideList ? 'minmax(0, 1fr)' : 'minmax(300px, 32%) minmax(0, 1fr)') : undefined
  return (
    <div className={`calls${open ? ' with-detail' : ''}${filtersOpen && !open ? ' with-filters' : ''}`} style={columns ? { gridTemplateColumns: columns } : undefined}>
      {filtersOpen && !open ? <FilterPanel /> : null}
      <section
        className={`list-pane${slow ? ' pending' : ''}`}
        aria-label="Call list"
        aria-busy={resetPending || undefined}
        data-list-version={shownGeneration}
        style={hideList ? { display: 'none' } : undefined}
      >
        <ListHeader />
        <Toolbar />
        <ActiveFilters />
        {blockError ? (
          <div className="banner banner-error row" role="alert">
            <span>Some calls could not be loaded: {blockError}</span>
            <button type="button" className="btn btn-small" onClick={() => retry('refresh')}>Retry</button>
          </div>
        ) : null}
        {hasRows ? <CallTable /> : <EmptyState />}
      </section>
      {open ? <CallDetail /> : null}
    </div>
  )
}
