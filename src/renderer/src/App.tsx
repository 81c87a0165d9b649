import { useEffect, useState } from 'react'
import { errorMessage } from './lib/ipc'
import { useStore } from './store'
import { Sidebar } from './features/shell/Sidebar'
import { CallsHome } from './features/calls/CallsHome'
import { SettingsView } from './features/settings/SettingsView'

export function App() {
  const view = useStore((s) => s.view)
  const loadApp = useStore((s) => s.loadApp)
  const [startError, setStartError] = useState<string | null>(null)

  useEffect(() => {
    loadApp().catch((err: unknown) => setStartError(errorMessage(err)))
  }, [loadApp])

  return (
    <div className="shell">
      <Sidebar />
      <main className="content" aria-live="polite">
        {startError ? (
          <div className="banner banner-error" role="alert">Earmark could not start: {startError}</div>
        ) : null}
        {view === 'calls' ? <CallsHome /> : <SettingsView />}
      </main>
    </div>
  )
}
