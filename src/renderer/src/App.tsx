import { useEffect, useState } from 'react'
import { errorMessage } from './lib/ipc'
import { useStore } from './store'
import { Sidebar } from './features/shell/Sidebar'
import { CallsView } from './features/calls/CallsView'
import { SettingsView } from './features/settings/SettingsView'
import { Welcome } from './features/welcome/Welcome'

export function App() {
  const view = useStore((s) => s.view)
  const hasKey = useStore((s) => s.keyStatus?.hasKey)
  const [startError, setStartError] = useState<string | null>(null)

  useEffect(() => {
    const s = useStore.getState()
    Promise.all([s.loadApp(), s.loadSettings(), s.loadViews(), s.restoreList()]).catch((err: unknown) => setStartError(errorMessage(err)))
    return s.watchSync()
  }, [])

  if (startError) return <div className="banner banner-error" role="alert">Earmark could not start: {startError}</div>
  if (hasKey === undefined) return null
  if (!hasKey) return <Welcome />
  return (
    <div className="shell">
      <Sidebar />
      <main className="content">{view === 'calls' ? <CallsView /> : <SettingsView />}</main>
    </div>
  )
}
