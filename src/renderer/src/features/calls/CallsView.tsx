// The calls screen: filters on the left (can be hidden), the list in the middle, the open call on
// the right, and states that tell the user what to do when there is nothing to show.
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
  const { hasRows, open, filtersOpen, shownGeneration, resetPending, blockError } = useStore(
    useShallow((s) => ({
      hasRows: (s.total ?? 0) > 0,
      open: s.openId !== null,
      filtersOpen: s.filtersOpen,
      shownGeneration: s.shownGeneration,
      resetPending: s.resetPending,
      blockError: (s.total ?? 0) > 0 ? s.listError : null,
    })),
  )
  const retry = useStore((s) => s.reloadRows)
  // The old rows dim only when the new ones are slow to come (repainting the list costs a frame).
  const slow = useDelayedFlag(resetPending, 150)
  return (
    <div className={`calls${open ? ' with-detail' : ''}${filtersOpen ? ' with-filters' : ''}`}>
      {filtersOpen ? <FilterPanel /> : null}
      <section className={`list-pane${slow ? ' pending' : ''}`} aria-label="Call list" aria-busy={resetPending || undefined} data-list-version={shownGeneration}>
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
