// The open call's facts beside the list: what happened, why it ended, what it cost, how the agent
// did (dispositions with confidence and reasoning, latency), and the transcript when synced.
import type { CallDetail as Detail, CallSummary } from '@shared/domain'
import { credits, dateTime, duration, explainReason, label, latencyClass, ms } from '../../lib/format'
import { useStore } from '../../store'

function Facts({ call }: { call: CallSummary }) {
  const settings = useStore((s) => s.settings)
  const warn = settings?.latencyWarnMs ?? 800
  const bad = settings?.latencyBadMs ?? 1500
  const rows: [string, React.ReactNode][] = [
    ['Status', <span key="s" className={`chip chip-${call.status}`}>{label(call.status)}</span>],
    ['Ended because', <span key="r" title={call.disconnectReason ?? ''}>{label(call.disconnectReason)} — {explainReason(call.disconnectReason)}</span>],
    ['Type', label(call.type)],
    ['From', <span key="f" className="mono">{call.from || '—'}</span>],
    ['To', <span key="t" className="mono">{call.to || '—'}</span>],
    ['Agent', call.agentName ?? call.agentId ?? '—'],
    ['Campaign', call.campaignId ?? '—'],
    ['Created', dateTime(call.createdAt)],
    ['Duration', duration(call.durationS)],
    ['Cost', `${credits(call.costCredits)} credits`],
    ['Latency', call.latency ? <span key="l" className={latencyClass(call.latency.avgMs, warn, bad)}>{ms(call.latency.avgMs)} avg · {ms(call.latency.medianMs)} median · {ms(call.latency.maxMs)} max</span> : '—'],
  ]
  if (call.failureReason) rows.push(['Failure', call.failureReason])
  if (call.retryAttemptNumber > 0) rows.push(['Attempt', `retry ${call.retryAttemptNumber}`])
  return (
    <dl className="facts">
      {rows.map(([k, v]) => [<dt key={`${k}-t`}>{k}</dt>, <dd key={`${k}-d`}>{v}</dd>])}
    </dl>
  )
}

export function CallDetail() {
  const view = useStore((s) => s.openCall)
  const loading = useStore((s) => s.callLoading)
  const error = useStore((s) => s.callError)
  const openId = useStore((s) => s.openId)
  const close = useStore((s) => s.closeCall)
  const reopen = useStore((s) => s.openCallById)
  if (!openId) return null
  const call = view?.call
  const transcript = call && 'transcript' in call ? (call as Detail).transcript : null
  return (
    <section className="detail" aria-label="Call detail">
      <header className="detail-head">
        <h2 className="mono">{openId}</h2>
        <button type="button" className="btn btn-quiet" aria-label="Close call" onClick={close}>✕</button>
      </header>
      {error ? (
        <div className="banner banner-error" role="alert">
          {error} <button type="button" className="btn" onClick={() => void reopen(openId)}>Retry</button>
        </div>
      ) : null}
      {!call && loading ? <p className="muted">Loading the call…</p> : null}
      {call ? (
        <>
          <Facts call={call} />
          {call.summary ? <section><h3>Summary</h3><p>{call.summary}</p></section> : null}
          {call.dispositionResults.length ? (
            <section>
              <h3>Disposition</h3>
              <ul className="metrics">
                {call.dispositionResults.map((d) => (
                  <li key={d.identifier}>
                    <strong>{d.identifier.replaceAll('_', ' ')}</strong>: {d.value}
                    {d.confidence !== null ? <span className="muted"> · {Math.round(d.confidence * 100)}% confident</span> : null}
                    {d.reasoning ? <div className="muted small">{d.reasoning}</div> : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section>
            <h3>Transcript</h3>
            {view?.detailError ? <p className="banner banner-warning">{view.detailError} <button type="button" className="btn" onClick={() => void reopen(openId)}>Retry</button></p> : null}
            {transcript ? (
              transcript.length ? (
                <ol className="transcript">
                  {transcript.map((t) => (
                    <li key={t.index} className={`turn turn-${t.role}`}>
                      <span className="turn-role">{t.role === 'user' ? 'Caller' : t.role === 'agent' ? 'Agent' : t.role}</span>
                      <span className="turn-text">{t.text}</span>
                    </li>
                  ))}
                </ol>
              ) : (
                <p className="muted">No one spoke on this call.</p>
              )
            ) : !view?.detailError ? (
              <p className="muted">{loading ? 'Loading the transcript…' : 'The transcript has not been synced yet.'}</p>
            ) : null}
          </section>
        </>
      ) : null}
    </section>
  )
}
