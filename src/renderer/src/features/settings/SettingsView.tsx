import { useStore } from '../../store'
import { ApiKeyForm } from './ApiKeyForm'
import { RubricEditor } from './RubricEditor'
import { SettingsForm } from './SettingsForm'

export function SettingsView() {
  const info = useStore((s) => s.info)
  return (
    <section className="page">
      <header className="page-head">
        <h1>Settings</h1>
      </header>
      <ApiKeyForm />
      <SettingsForm />
      <RubricEditor />
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">About</h2>
        <dl className="facts">
          <dt>Version</dt>
          <dd>{info?.version ?? '…'}</dd>
          <dt>Platform</dt>
          <dd>{info?.platform ?? '…'}</dd>
          <dt>Data folder</dt>
          <dd className="mono">{info?.dataDir ?? '…'}</dd>
          <dt>Electron</dt>
          <dd>{info ? (info.electron ?? 'not running in Electron') : '…'}</dd>
        </dl>
      </section>
    </section>
  )
}
