// The left column: the app's screens, the saved views of the call list, the sync area.
import { useStore } from '../../store'
import type { View } from '../../store/ui.slice'
import { SavedViewsNav } from './SavedViewsNav'
import { SyncStatus } from './SyncStatus'

const ITEMS: { view: View; label: string; glyph: string }[] = [
  { view: 'calls', label: 'Calls', glyph: '☰' },
  { view: 'settings', label: 'Settings', glyph: '⚙' },
]

export function Sidebar() {
  const view = useStore((s) => s.view)
  const setView = useStore((s) => s.setView)
  const version = useStore((s) => s.info?.version)
  return (
    <aside className="sidebar">
      <div className="brand">
        <img className="brand-mark" src="./icon.svg" alt="" width="22" height="22" />
        <span className="brand-name">Earmark</span>
      </div>
      <nav aria-label="Main">
        <ul>
          {ITEMS.map((item) => (
            <li key={item.view}>
              <button type="button" className={item.view === view ? 'nav-item active' : 'nav-item'} aria-current={item.view === view ? 'page' : undefined} onClick={() => setView(item.view)}>
                <span className="nav-glyph" aria-hidden="true">{item.glyph}</span>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <SavedViewsNav />
      <SyncStatus />
      <div className="sidebar-foot">{version ? `Earmark ${version}` : ''}</div>
    </aside>
  )
}
