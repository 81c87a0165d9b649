import { useStore } from '../../store'

/** The calls screen before a workspace is connected: says what to do next. */
export function CallsHome() {
  const keyStatus = useStore((s) => s.keyStatus)
  const setView = useStore((s) => s.setView)
  return (
    <section className="page">
      <header className="page-head">
        <h1>Calls</h1>
      </header>
      <div className="empty">
        <img className="empty-art" src="./icon.svg" alt="" width="56" height="56" />
        {keyStatus?.hasKey ? (
          <>
            <h2>Connected to Atoms</h2>
            <p>Your API key is stored. Calls appear here once they have been synced.</p>
          </>
        ) : (
          <>
            <h2>Connect your Atoms workspace</h2>
            <p>Earmark keeps a local copy of your voice agents&apos; calls, so you can search, listen and review them offline.</p>
            <button type="button" className="btn btn-primary" onClick={() => setView('settings')}>
              Add API key
            </button>
          </>
        )}
      </div>
    </section>
  )
}
