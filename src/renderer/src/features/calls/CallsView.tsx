// The calls screen: filters on the left, the list in the middle, the open call on the right, and
// the states that tell the user what to do when there is nothing to show.
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'
import { CallDetail } from './CallDetail'
import { CallTable } from './CallTable'
import { FilterPanel } from './FilterPanel'
import { Toolbar } from './Toolbar'

function EmptyState() {
  const { total, error, query, sync, startSync, replaceQuery, refreshList } = useStore(
    useShallow((s) => ({ total: s.total, error: s.listError, query: s.query, sync: s.sync, startSync: s.startSync, replaceQuery: s.replaceQuery, refreshList: s.refreshList })),
  )
  if (error) {
    return (
      <div className="empty" role="alert">
        <h2>The calls could not be loaded</h2>
        <p>{error}</p>
        <button type="button" className="btn btn-primary" onClick={refreshList}>Retry</button>
      </div>
    )
  }
  if (total === null) return <div className="empty"><p>Loading calls…</p></div>
  if (total > 0) return null
  const filtered = Object.keys(query).some((k) => !['sortBy', 'sortOrder'].includes(k))
  return filtered ? (
    <div className="empty">
      <h2>No calls match these filters</h2>
      <p>Try a wider date range or fewer filters.</p>
      <button type="button" className="btn btn-primary" onClick={() => replaceQuery({ sortBy: query.sortBy, sortOrder: query.sortOrder })}>Clear filters</button>
    </div>
  ) : (
    <div className="empty">
      <h2>{sync?.running ? 'Downloading your calls…' : 'No calls yet'}</h2>
      <p>{sync?.running ? 'They appear here as they arrive.' : 'Sync to download the call logs of your agents.'}</p>
      {sync?.running ? null : <button type="button" className="btn btn-primary" onClick={() => void startSync()}>Sync now</button>}
    </div>
  )
}

export function CallsView() {
  const hasRows = useStore((s) => (s.total ?? 0) > 0 && !s.listError)
  const open = useStore((s) => s.openId !== null)
  return (
    <div className={`calls ${open ? 'with-detail' : ''}`}>
      <FilterPanel />
      <div className="list-pane">
        <Toolbar />
        {hasRows ? <CallTable /> : <EmptyState />}
      </div>
      {open ? <CallDetail /> : null}
    </div>
  )
}
