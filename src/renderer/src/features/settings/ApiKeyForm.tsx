// Set, replace or remove the API key. The key is write-only: never shown back. A new key goes
// through workspace:connect, so it is checked against the API before it replaces the old one.
import { useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'

const PROTECTION_LABEL = { os: 'Encrypted by the system keychain', basic_text: 'Obfuscated only', unavailable: 'Not stored (this session only)' }

export function ApiKeyForm() {
  const { status, error, errorFor, busy, connect, clear, demo } = useStore(
    useShallow((s) => ({ status: s.keyStatus, error: s.keyError, errorFor: s.keyErrorFor, busy: s.keyBusy, connect: s.connect, clear: s.clearApiKey, demo: s.settings?.demo ?? false })),
  )
  const [draft, setDraft] = useState('')
  const [confirming, setConfirming] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (await connect(draft)) setDraft('')
  }

  return (
    <section className="card" aria-labelledby="api-key-title">
      <h2 id="api-key-title">Atoms API key</h2>
      <p className="muted">A new key is checked with the Atoms API before it replaces the old one. It stays in Earmark&apos;s main process, encrypted at rest, and is never shown again.</p>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="key-state">{status ? (status.hasKey ? (demo ? 'Demo workspace' : 'Key saved') : 'No key') : '…'}</dd>
        <dt>Protection</dt>
        <dd>{status ? PROTECTION_LABEL[status.protection] : '…'}</dd>
      </dl>
      {status?.warning ? <p className="banner banner-warning" role="note">{status.warning}</p> : null}
      <form className="row" onSubmit={submit}>
        <label className="sr-only" htmlFor="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" spellCheck={false} placeholder={status?.hasKey ? 'Paste a new key to replace it' : 'sk_…'} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" className="btn btn-primary" disabled={busy !== null || draft.trim() === ''}>
          {busy === 'connect' ? 'Checking…' : status?.hasKey ? 'Replace key' : 'Save key'}
        </button>
        {status?.hasKey && !confirming ? <button type="button" className="btn" disabled={busy !== null} onClick={() => setConfirming(true)}>Remove key…</button> : null}
      </form>
      {confirming ? (
        <div className="banner banner-warning row" role="group" aria-label="Confirm removing the key">
          <span>Remove the key? Earmark stops syncing; cached calls stay on this computer.</span>
          <button type="button" className="btn" onClick={() => void clear().then(() => setConfirming(false))}>Remove</button>
          <button type="button" className="btn btn-quiet" onClick={() => setConfirming(false)}>Keep it</button>
        </div>
      ) : null}
      {error && (errorFor === 'connect' || errorFor === 'clear') ? <p className="banner banner-error" role="alert">{error}</p> : null}
    </section>
  )
}
