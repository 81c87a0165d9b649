// First run: connect with an API key (checked against the API before it is stored) or open the
// demo workspace served by the built-in emulator.
import { useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'

export function Welcome() {
  const { connect, openDemo, busy, error } = useStore(useShallow((s) => ({ connect: s.connect, openDemo: s.openDemo, busy: s.keyBusy, error: s.keyError })))
  const [key, setKey] = useState('')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (await connect(key)) setKey('')
  }
  return (
    <main className="welcome">
      <div className="welcome-inner">
        <img src="./icon.svg" alt="" width="64" height="64" />
        <h1>Welcome to Earmark</h1>
        <p className="muted">Review the calls of your Atoms voice agents: search them, listen to them and read them, even offline.</p>
        <div className="welcome-cards">
          <form className="card" onSubmit={submit} aria-labelledby="connect-title">
            <h2 id="connect-title">Connect your workspace</h2>
            <p className="muted">Paste an Atoms API key (Settings → API keys in the Atoms dashboard). Earmark checks it, then keeps it encrypted on this computer.</p>
            <label className="sr-only" htmlFor="welcome-key">API key</label>
            <input id="welcome-key" type="password" autoComplete="off" spellCheck={false} placeholder="sk_…" value={key} onChange={(e) => setKey(e.target.value)} />
            <button type="submit" className="btn btn-primary" disabled={busy || !key.trim()}>{busy ? 'Checking…' : 'Connect'}</button>
          </form>
          <div className="card">
            <h2>Just looking?</h2>
            <p className="muted">Open a demo workspace with 2,000 generated calls, transcripts and recordings, served by Earmark&apos;s built-in Atoms emulator on this computer.</p>
            <button type="button" className="btn" disabled={busy} onClick={() => void openDemo()}>Open the demo workspace</button>
          </div>
        </div>
        {error ? <p className="banner banner-error" role="alert">{error}</p> : null}
      </div>
    </main>
  )
}
