// The open call beside the list: its facts, summary, dispositions, latency and transcript.
// (The player with the waveform comes later, above the transcript.)
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'
import { CallFacts, Dispositions, LatencyStats } from './CallFacts'
import { CallTranscript } from './CallTranscript'
import { useCopyId } from './useCopyId'

export function CallDetail() {
  const { view, loading, error, openId, close, reopen } = useStore(
    useShallow((s) => ({ view: s.openCall, loading: s.callLoading, error: s.callError, openId: s.openId, close: s.closeCall, reopen: s.openCallById })),
  )
  const copyId = useCopyId()
  if (!openId) return null
  const call = view?.call
  return (
    <section className="detail" aria-label="Call detail" aria-busy={loading || undefined}>
      <header className="detail-head">
        <h2 className="mono" title={openId}>{openId}</h2>
        <button type="button" className="btn btn-small" onClick={() => void copyId(openId)}>Copy ID</button>
        <button type="button" className="btn btn-quiet btn-small" aria-label="Close call" title="Close (Esc in the list)" onClick={close}>✕</button>
      </header>
      {error ? (
        <div className="banner banner-error" role="alert">
          <p>This call could not be opened: {error}</p>
          <button type="button" className="btn btn-small" onClick={() => void reopen(openId)}>Retry</button>
        </div>
      ) : null}
      {!call && loading ? <p className="muted" role="status">Loading the call…</p> : null}
      {call ? (
        <>
          <CallFacts call={call} />
          <section aria-labelledby="detail-summary">
            <h3 id="detail-summary">Summary</h3>
            <p className={call.summary ? '' : 'muted'}>{call.summary ?? (view?.hasDetail ? 'The platform gave no summary for this call.' : 'The summary comes with the call’s details.')}</p>
          </section>
          <Dispositions call={call} />
          <LatencyStats call={call} />
          <CallTranscript view={view!} loading={loading} onRetry={() => void reopen(openId)} />
        </>
      ) : null}
    </section>
  )
}
