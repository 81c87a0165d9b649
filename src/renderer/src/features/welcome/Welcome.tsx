// First run: connect with an API key (checked against the API before it is stored; a wrong key
// gets the API's answer in words) or open the demo workspace served by the built-in emulator.
import { useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { errorMessage } from '../../lib/ipc'
import { useStore } from '../../store'

export function Welcome() {
  const { connect, openDemo, busy, error, errorFor, baseUrl, updateSettings } = useStore(
    useShallow((s) => ({ connect: s.connect, openDemo: s.openDemo, busy: s.keyBusy, error: s.keyError, errorFor: s.keyErrorFor, baseUrl: s.settings?.baseUrl ?? '', updateSettings: s.updateSettings })),
  )
  const [key, setKey] = useState('')
  const [address, setAddress] = useState<string | null>(null)
  const [addressError, setAddressError] = useState<string | null>(null)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setAddressError(null)
    if (address !== null && address.trim() !== baseUrl) {
      try {
        await updateSettings({ baseUrl: address.trim() })
      } catch (err) {
        setAddressError(errorMessage(err).replace(/^Setting baseUrl: /, 'The API address is not valid: '))
        return
      }
    }
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
            <p className="muted">Paste an Atoms API key (Settings → API keys in the Atoms dashboard). Earmark checks it with the API, then keeps it encrypted on this computer.</p>
            <label className="field">
              <span>API key</span>
              <input type="password" autoComplete="off" spellCheck={false} placeholder="sk_…" value={key} onChange={(e) => setKey(e.target.value)} aria-invalid={errorFor === 'connect' || undefined} />
            </label>
            <details className="advanced">
              <summary>API address</summary>
              <label className="field">
                <span>Base URL</span>
                <input type="text" spellCheck={false} value={address ?? baseUrl} onChange={(e) => setAddress(e.target.value)} />
                <small className="muted">Change only for a proxy or a test server.</small>
              </label>
            </details>
            {addressError ? <p className="inline-error" role="alert">{addressError}</p> : null}
            {error && errorFor === 'connect' ? <p className="banner banner-error" role="alert">{error}</p> : null}
            <button type="submit" className="btn btn-primary" disabled={busy !== null || !key.trim()}>{busy === 'connect' ? 'Checking the key…' : 'Connect'}</button>
          </form>
          <div className="card">
            <h2>Just looking?</h2>
            <p className="muted">Open a demo workspace with 2,000 generated calls, transcripts and recordings, served by Earmark&apos;s built-in Atoms emulator on this computer. Nothing leaves your machine.</p>
            {error && errorFor === 'demo' ? (
              <p className="banner banner-error" role="alert">{error}</p>
            ) : null}
            <button type="button" className="btn" disabled={busy !== null} onClick={() => void openDemo()}>
              {busy === 'demo' ? 'Opening the demo…' : errorFor === 'demo' ? 'Retry: open the demo workspace' : 'Open the demo workspace'}
            </button>
          </div>
        </div>
      </div>
    </main>
  )
}
