import { useState, type FormEvent } from 'react'
import { useStore } from '../../store'

const PROTECTION_LABEL = { os: 'Encrypted by the system keychain', basic_text: 'Obfuscated only', unavailable: 'Not stored (session only)' }

/** Set, replace or clear the API key. The key is write-only: it is never shown back. */
export function ApiKeyForm() {
  const status = useStore((s) => s.keyStatus)
  const error = useStore((s) => s.keyError)
  const busy = useStore((s) => s.keyBusy)
  const save = useStore((s) => s.connect)
  const clear = useStore((s) => s.clearApiKey)
  const [draft, setDraft] = useState('')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (await save(draft)) setDraft('')
  }

  return (
    <section className="card" aria-labelledby="api-key-title">
      <h2 id="api-key-title">Atoms API key</h2>
      <p className="muted">
        A new key is checked against the Atoms API before it replaces the old one. It stays in Earmark&apos;s main process, encrypted at rest, and is never shown again.
      </p>
      <dl className="facts">
        <dt>Status</dt>
        <dd data-testid="key-state">{status ? (status.hasKey ? 'Key saved' : 'No key') : '…'}</dd>
        <dt>Protection</dt>
        <dd>{status ? PROTECTION_LABEL[status.protection] : '…'}</dd>
      </dl>
      {status?.warning ? (
        <p className="banner banner-warning" role="note">{status.warning}</p>
      ) : null}
      <form className="row" onSubmit={submit}>
        <label className="sr-only" htmlFor="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={status?.hasKey ? 'Paste a new key to replace it' : 'sk_…'}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="btn btn-primary" disabled={busy || draft.trim() === ''}>
          {status?.hasKey ? 'Replace key' : 'Save key'}
        </button>
        {status?.hasKey ? (
          <button type="button" className="btn" disabled={busy} onClick={() => void clear()}>
            Remove key
          </button>
        ) : null}
      </form>
      {error ? <p className="banner banner-error" role="alert">{error}</p> : null}
    </section>
  )
}
