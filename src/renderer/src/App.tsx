// The app's frame: loads what every screen needs, then shows the welcome screen (no key yet) or
// the shell with the calls and settings screens.
import { useEffect, useState } from 'react'
import { errorMessage } from './lib/ipc'
import { useStore } from './store'
import { Sidebar } from './features/shell/Sidebar'
import { Toast } from './features/shell/Toast'
import { CallsView } from './features/calls/CallsView'
import { SettingsView } from './features/settings/SettingsView'
import { Welcome } from './features/welcome/Welcome'

function useStartup(): [string | null, () => void] {
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const s = useStore.getState()
    Promise.all([s.loadApp(), s.loadSettings(), s.loadViews(), s.restoreList()]).then(
      () => setError(null),
      (err: unknown) => setError(errorMessage(err)),
    )
  }, [attempt])
  useEffect(() => {
    const s = useStore.getState()
    const unwatch = s.watchSync()
    // A reload or quit right after a change must not lose the list state waiting to be written.
    const flush = () => useStore.getState().flushListState()
    window.addEventListener('pagehide', flush)
    return () => {
      unwatch()
      window.removeEventListener('pagehide', flush)
    }
  }, [])
  return [error, () => setAttempt((n) => n + 1)]
}

export function App() {
  const view = useStore((s) => s.view)
  const hasKey = useStore((s) => s.keyStatus?.hasKey)
  const [startError, retry] = useStartup()

  if (startError) {
    return (
      <main className="empty" role="alert">
        <h2>Earmark could not start</h2>
        <p>{startError}</p>
        <button type="button" className="btn btn-primary" onClick={retry}>Retry</button>
      </main>
    )
  }
  if (hasKey === undefined) return <main className="empty" aria-busy="true"><p>Opening Earmark…</p></main>
  if (!hasKey) return <Welcome />
  return (
    <div className="shell">
      <Sidebar />
      <main className="content">{view === 'calls' ? <CallsView /> : <SettingsView />}</main>
      <Toast />
    </div>
  )
}
