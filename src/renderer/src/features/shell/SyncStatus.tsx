// The sync area of the sidebar: progress with rate and ETA while a sync runs, the last sync time,
// Sync now / Cancel, and any error in words with a retry. Also says when the computer is offline.
import { useShallow } from 'zustand/react/shallow'
import { ago, duration } from '../../lib/format'
import { useStore } from '../../store'

const PHASES = { list: 'Call list', refresh: 'Updating calls', details: 'Transcripts', recordings: 'Recordings' }

export function SyncStatus() {
  const { sync, online, actionError, startSync, cancelSync, demo } = useStore(
    useShallow((s) => ({ sync: s.sync, online: s.online, actionError: s.syncActionError, startSync: s.startSync, cancelSync: s.cancelSync, demo: s.settings?.demo ?? false })),
  )
  const running = sync?.running ?? false
  const pct = running && sync?.total ? Math.min(100, Math.round((sync.done / sync.total) * 100)) : null
  const error = actionError ?? sync?.error?.message ?? null
  return (
    <section className="sync" aria-label="Sync">
      {!online ? <p className="pill pill-offline">Offline — showing cached calls</p> : null}
      {demo ? <p className="pill">Demo workspace</p> : null}
      {running && sync ? (
        <div className="sync-running" data-testid="sync-progress">
          <div className="sync-line">
            <strong>{sync.phase ? PHASES[sync.phase] : 'Syncing'}</strong>
            <span>{sync.total ? `${sync.done.toLocaleString()} / ${sync.total.toLocaleString()}` : sync.done.toLocaleString()}</span>
          </div>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined} aria-label="Sync progress">
            <div className={pct === null ? 'progress-bar indeterminate' : 'progress-bar'} style={pct === null ? undefined : { width: `${pct}%` }} />
          </div>
          <div className="sync-line muted small">
            <span>{sync.ratePerS >= 1 ? `${Math.round(sync.ratePerS)}/s` : ''}</span>
            <span>{sync.etaS !== null ? `${duration(sync.etaS)} left` : ''}</span>
          </div>
          <button type="button" className="btn btn-small" onClick={() => void cancelSync()}>Cancel</button>
        </div>
      ) : (
        <div className="sync-idle">
          <span className="muted small" data-testid="last-sync">Last sync: {ago(sync?.lastSyncMs ?? null)}</span>
          <button type="button" className="btn btn-small" onClick={() => void startSync()}>Sync now</button>
        </div>
      )}
      {error && !running ? (
        <p className="sync-error" role="alert">
          {error} {sync?.error?.retryable || actionError ? <button type="button" className="link" onClick={() => void startSync()}>Try again</button> : null}
        </p>
      ) : null}
    </section>
  )
}
