// The sync area of the sidebar: phase, done/total, rate and ETA while a sync runs, the last sync
// time, Sync now / Cancel, an error in words with Retry, and whether the computer is offline.
import { useShallow } from 'zustand/react/shallow'
import { useNow } from '../../hooks/useNow'
import { ago, count, duration } from '../../lib/format'
import { useStore } from '../../store'
import { isOffline } from '../../store/sync.slice'

const eta = (s: number | null) => (s === null ? '' : s < 1 ? 'almost done' : `${duration(s)} left`)
const PHASES = { list: 'Downloading the call list', refresh: 'Updating unfinished calls', details: 'Downloading transcripts', recordings: 'Downloading recordings' }

export function SyncStatus() {
  const { sync, offline, browserOffline, actionError, startSync, cancelSync, demo } = useStore(
    useShallow((s) => ({
      sync: s.sync, offline: isOffline(s), browserOffline: !s.online, actionError: s.syncActionError,
      startSync: s.startSync, cancelSync: s.cancelSync, demo: s.settings?.demo ?? false,
    })),
  )
  const now = useNow()
  const running = sync?.running ?? false
  const pct = running && sync?.total ? Math.min(100, Math.round((sync.done / sync.total) * 100)) : null
  const cancelled = !running && !actionError && sync?.error?.code === 'CANCELLED'
  const error = actionError ?? (running || cancelled ? null : (sync?.error?.message ?? null))
  const retryable = actionError !== null || (sync?.error?.retryable ?? false)
  const outcome = !running && !sync?.error && sync?.lastSyncMs ? sync.message : null
  return (
    <section className="sync" aria-label="Sync">
      {offline ? (
        <p className="pill pill-offline" role="status" data-testid="offline">
          <span className="dot" aria-hidden="true" /> Offline{browserOffline ? '' : ': the API cannot be reached'} — showing cached calls
        </p>
      ) : null}
      {demo ? <p className="pill">Demo workspace</p> : null}
      {running && sync ? (
        <div className="sync-running" data-testid="sync-progress">
          <div className="sync-line">
            <strong>{sync.phase ? PHASES[sync.phase] : 'Syncing'}</strong>
          </div>
          <div className="progress" role="progressbar" aria-label="Sync progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct ?? undefined} aria-valuetext={sync.total ? `${sync.done} of ${sync.total}` : `${sync.done} done`}>
            <div className={pct === null ? 'progress-bar indeterminate' : 'progress-bar'} style={pct === null ? undefined : { width: `${pct}%` }} />
          </div>
          <div className="sync-line small">
            <span data-testid="sync-count">{sync.total ? `${count(sync.done)} / ${count(sync.total)}` : `${count(sync.done)} done`}</span>
            <span className="muted">{eta(sync.etaS)}</span>
          </div>
          <p className="muted small sync-message">
            {sync.message}
            {sync.ratePerS >= 0.1 ? ` · ${sync.ratePerS >= 10 ? count(Math.round(sync.ratePerS)) : sync.ratePerS.toFixed(1)}/s` : ''}
          </p>
          <button type="button" className="btn btn-small" onClick={() => void cancelSync()}>Cancel sync</button>
        </div>
      ) : (
        <div className="sync-idle">
          <span className="muted small" data-testid="last-sync" title={sync?.lastSyncMs ? new Date(sync.lastSyncMs).toLocaleString() : undefined}>
            Last sync: {ago(sync?.lastSyncMs ?? null, now)}
          </span>
          {outcome ? <span className="muted small">{outcome}</span> : null}
          {cancelled ? <span className="muted small" role="status">{sync?.error?.message}</span> : null}
          <button type="button" className="btn btn-small" onClick={() => void startSync()}>Sync now</button>
        </div>
      )}
      {error ? (
        <div className="sync-error" role="alert">
          <span>{error}</span>
          {retryable ? <button type="button" className="btn btn-small" onClick={() => void startSync()}>Retry</button> : null}
        </div>
      ) : null}
    </section>
  )
}
