// The saved views of the call list, one click away in the sidebar ("All calls" clears filters).
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'
import { viewEdited } from '../../store/views.slice'

export function SavedViewsNav() {
  const { views, viewId, screen, edited, applyView, setView } = useStore(
    useShallow((s) => ({ views: s.views, viewId: s.viewId, screen: s.view, edited: viewEdited(s), applyView: s.applyView, setView: s.setView })),
  )
  const pick = (id: string | null) => {
    applyView(id)
    setView('calls')
  }
  const current = (id: string | null) => screen === 'calls' && viewId === id
  return (
    <nav className="views-nav" aria-label="Saved views">
      <h2 className="nav-section">Views</h2>
      <ul>
        <li>
          <button type="button" className={current(null) ? 'nav-item small active' : 'nav-item small'} aria-current={current(null) ? 'true' : undefined} onClick={() => pick(null)}>
            All calls
          </button>
        </li>
        {views.map((v) => (
          <li key={v.id}>
            <button type="button" className={current(v.id) ? 'nav-item small active' : 'nav-item small'} aria-current={current(v.id) ? 'true' : undefined} title={v.name} onClick={() => pick(v.id)}>
              <span className="nav-text">{v.name}</span>
              {current(v.id) && edited ? <span className="edited-dot" aria-label="edited" title="Changed since it was saved" /> : null}
            </button>
          </li>
        ))}
      </ul>
      {views.length === 0 ? <p className="nav-hint">Save filters as a view to find them here.</p> : null}
    </nav>
  )
}
