// What the list area says when it has no rows to show, and what to do next: wait for the first
// rows, sync (no calls yet), clear filters (no results), or retry (an error).
import { useShallow } from 'zustand/react/shallow'
import { filterKeys, isFiltered } from '../../lib/query'
import { useStore } from '../../store'

export function EmptyState() {
  const { total, error, filtered, onlyText, running, syncError, startSync, clearFilters, reloadRows } = useStore(
    useShallow((s) => ({
      total: s.total, error: s.listError, filtered: isFiltered(s.query), onlyText: filterKeys(s.query).join() === 'text' ? (s.query.text ?? null) : null, running: s.sync?.running ?? false, syncError: s.sync?.error?.message ?? null,
      startSync: s.startSync, clearFilters: s.clearFilters, reloadRows: s.reloadRows,
    })),
  )
  if (error) {
    return (
      <div className="empty" role="alert">
        <h2>The calls could not be loaded</h2>
        <p>{error}</p>
        <button type="button" className="btn btn-primary" onClick={() => reloadRows('reset')}>Retry</button>
      </div>
    )
  }
  if (total === null) {
    return <div className="empty" role="status" aria-busy="true"><p>Loading calls…</p></div>
  }
  if (filtered) {
    return (
      <div className="empty">
        <h2>{onlyText ? `No calls match “${onlyText}”` : 'No calls match these filters'}</h2>
        <p>{onlyText ? 'Search looks in transcripts, summaries, call ids and phone numbers. Try other words.' : 'Try a wider date range, fewer filters or other search words.'}</p>
        <button type="button" className="btn btn-primary" onClick={clearFilters}>{onlyText ? 'Clear search' : 'Clear filters'}</button>
      </div>
    )
  }
  return (
    <div className="empty">
      <h2>{running ? 'Downloading your calls…' : 'No calls yet'}</h2>
      <p>
        {running
          ? 'They appear here as they arrive.'
          : syncError
            ? `The last sync did not finish: ${syncError}`
            : 'Sync to download the call logs of your agents. Earmark keeps them on this computer, so you can search them offline.'}
      </p>
      {running ? null : <button type="button" className="btn btn-primary" onClick={() => void startSync()}>Sync now</button>}
    </div>
  )
}
