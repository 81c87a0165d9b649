// Above the list: which view this is (edited or not), how many calls match, and the saved-view
// actions: save as a new view, update the view, rename it, delete it.
import { useShallow } from 'zustand/react/shallow'
import { count } from '../../lib/format'
import { useStore } from '../../store'
import { viewEdited } from '../../store/views.slice'
import { ViewActions } from './ViewActions'

export function ListHeader() {
  const { name, edited, total } = useStore(
    useShallow((s) => ({ name: s.views.find((v) => v.id === s.viewId)?.name ?? null, edited: viewEdited(s), total: s.total })),
  )
  return (
    <header className="list-head">
      <div className="list-title">
        <h1>{name ?? 'All calls'}</h1>
        {edited ? <span className="badge" title="The filters, sort or columns differ from the saved view">edited</span> : null}
        <span className="count" data-testid="result-count" aria-live="polite">
          {total === null ? '' : `${count(total)} ${total === 1 ? 'call' : 'calls'}`}
        </span>
      </div>
      <ViewActions />
    </header>
  )
}
