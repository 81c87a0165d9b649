// The call view: the player (recording state, waveform with latency marks, transport) on top,
// then the aligned transcript beside the facts, summary, dispositions, latency, events and
// variables. The list stays beside it (narrowed) or can be hidden for the whole width.
import { useShallow } from 'zustand/react/shallow'
import type { CallDetail as Detail, CallSummary } from '@shared/domain'
import type { CallView } from '@shared/ipc/types'
import { useStore } from '../../store'
import { CallPlayer } from '../player/CallPlayer'
import { PlayerProvider } from '../player/PlayerProvider'
import { usePlayer } from '../player/context'
import { centis, lastAtOrBefore } from '../player/timing'
import { ReviewPanel } from '../review/ReviewPanel'
import { CallEvents, CallFacts, CallVariables, Dispositions, LatencyStats } from './CallFacts'
import { CallTranscript } from './CallTranscript'
import { useCopyId } from './useCopyId'

/** The review panel, able to play an annotation from where it starts. */
function ReviewSide() {
  const { engine, byIndex, order, starts } = usePlayer()
  const setTarget = useStore((s) => s.setAnnotationTarget)
  // A range starts at the playhead, on the turn being heard; its edges are then dragged.
  const annotateRange = () => {
    const t = engine?.time() ?? 0
    const duration = engine?.ws.getDuration() ?? t + 4
    const turn = order[lastAtOrBefore(starts, t)]
    setTarget({ turnIndex: turn?.index ?? null, startS: centis(t), endS: centis(Math.min(duration, t + 4)) })
  }
  return (
    <ReviewPanel
      onAnnotateRange={engine ? annotateRange : undefined}
      onSeek={(a) => {
        const at = a.startS ?? (a.turnIndex !== null ? byIndex.get(a.turnIndex)?.startS : undefined)
        if (engine && at !== undefined) engine.seek(at)
      }}
    />
  )
}

function FactsColumn({ call, hasDetail }: { call: CallSummary | Detail; hasDetail: boolean }) {
  return (
    <aside className="call-side" aria-label="Call facts">
      <ReviewSide />
      <CallFacts call={call} />
      <section aria-labelledby="detail-summary">
        <h3 id="detail-summary">Summary</h3>
        <p className={call.summary ? '' : 'muted'}>{call.summary ?? (hasDetail ? 'The platform gave no summary for this call.' : 'The summary comes with the call’s details.')}</p>
      </section>
      <Dispositions call={call} />
      <LatencyStats call={call} />
      <CallEvents call={call} />
      <CallVariables call={call} />
    </aside>
  )
}

function Body({ view, loading, onRetry }: { view: CallView; loading: boolean; onRetry: () => void }) {
  return (
    <PlayerProvider>
      <CallPlayer call={view.call} />
      <div className="call-body">
        <CallTranscript view={view} loading={loading} onRetry={onRetry} />
        <FactsColumn call={view.call} hasDetail={view.hasDetail} />
      </div>
    </PlayerProvider>
  )
}

export function CallDetail() {
  const { view, loading, error, openId, close, reopen, listHidden, toggleList } = useStore(
    useShallow((s) => ({ view: s.openCall, loading: s.callLoading, error: s.callError, openId: s.openId, close: s.closeCall, reopen: s.openCallById, listHidden: s.listHidden, toggleList: s.toggleList })),
  )
  const copyId = useCopyId()
  if (!openId) return null
  return (
    <section className="detail call-view" aria-label="Call detail" aria-busy={loading || undefined}>
      <header className="detail-head">
        <h2 className="mono" title={openId}>{openId}</h2>
        <button type="button" className="btn btn-small" onClick={() => void copyId(openId)}>Copy ID</button>
        <button type="button" className="btn btn-small" aria-pressed={listHidden} onClick={() => toggleList()} title="Give the call the whole width, or show the list beside it">
          {listHidden ? 'Show list' : 'Hide list'}
        </button>
        <button type="button" className="btn btn-quiet btn-small" aria-label="Close call" title="Back to the list (Esc)" onClick={close}>✕</button>
      </header>
      {error ? (
        <div className="banner banner-error" role="alert">
          <p>This call could not be opened: {error}</p>
          <button type="button" className="btn btn-small" onClick={() => void reopen(openId)}>Retry</button>
        </div>
      ) : null}
      {!view && loading ? <p className="muted" role="status">Loading the call…</p> : null}
      {/* Keyed by the call: a new call gets a new engine, find box and follow position. */}
      {view ? <Body key={openId} view={view} loading={loading} onRetry={() => void reopen(openId)} /> : null}
    </section>
  )
}
