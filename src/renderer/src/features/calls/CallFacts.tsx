// The facts of one call: what happened and why it ended (in plain words), who, when, how long,
// what it cost; the post-call analysis with confidence and reasoning; the agent's latency as the
// API measured it (per hand-over); the call's events and variables.
import type { ReactNode } from 'react'
import type { CallDetail, CallSummary } from '@shared/domain'
import { useThresholds } from '../../hooks/useThresholds'
import { credits, dateTime, duration, explainReason, label, latencyClass, ms } from '../../lib/format'

export function CallFacts({ call }: { call: CallSummary }) {
  const rows: [string, ReactNode][] = [
    ['Status', <><span className={`chip chip-${call.status}`}>{label(call.status)}</span>{call.isTest ? <span className="chip chip-test">test call</span> : null}</>],
    ['Ended because', call.disconnectReason ? <><strong>{label(call.disconnectReason)}</strong><span className="muted"> — {explainReason(call.disconnectReason)}</span></> : <span className="muted">{explainReason(null)}</span>],
    ['Type', label(call.type)],
    ['From', <span className="mono">{call.from || '—'}</span>],
    ['To', <span className="mono">{call.to || '—'}</span>],
    ['Agent', call.agentName ?? call.agentId ?? '—'],
    ['Campaign', call.campaignId ? <span className="mono">{call.campaignId}</span> : '—'],
    ['Created', dateTime(call.createdAt)],
    ['Duration', duration(call.durationS)],
    ['Cost', call.costCredits === null ? '—' : `${credits(call.costCredits)} credits`],
  ]
  if (call.failureReason) rows.push(['Failure', call.failureReason])
  if (call.retryAttemptNumber > 0) rows.push(['Attempt', `Retry ${call.retryAttemptNumber}${call.retryCallId ? ` of ${call.retryCallId}` : ''}`])
  return (
    <dl className="facts">
      {rows.map(([k, v]) => [<dt key={`${k}-t`}>{k}</dt>, <dd key={`${k}-d`}>{v}</dd>])}
    </dl>
  )
}

export function Dispositions({ call }: { call: CallSummary }) {
  const results = call.dispositionResults.length
    ? call.dispositionResults
    : Object.entries(call.dispositions).map(([identifier, value]) => ({ identifier, value, confidence: null, reasoning: null }))
  if (!results.length) return null
  return (
    <section aria-labelledby="detail-disposition">
      <h3 id="detail-disposition">Disposition</h3>
      <ul className="metrics">
        {results.map((d) => (
          <li key={d.identifier}>
            <div className="metric-line">
              <span className="metric-name">{d.identifier.replaceAll('_', ' ')}</span>
              <strong className="metric-value">{d.value}</strong>
              {d.confidence !== null ? (
                <span className="confidence" title={`${Math.round(d.confidence * 100)}% confident`}>
                  <span className="confidence-bar" aria-hidden="true"><span style={{ width: `${Math.round(d.confidence * 100)}%` }} /></span>
                  {Math.round(d.confidence * 100)}%
                </span>
              ) : null}
            </div>
            {d.reasoning ? <p className="muted small">{d.reasoning}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

export function LatencyStats({ call }: { call: CallSummary }) {
  const { warn, bad } = useThresholds()
  const l = call.latency
  if (!l) return null
  const stat = (name: string, v: number | null) => (
    <div className="stat">
      <span className="muted small">{name}</span>
      <span className={latencyClass(v, warn, bad)}>{ms(v)}</span>
    </div>
  )
  return (
    <section aria-labelledby="detail-latency">
      <h3 id="detail-latency">Agent response latency{l.turns !== null ? <span className="muted"> · {l.turns} turns</span> : null}</h3>
      <div className="stats">
        {stat('Average', l.avgMs)}
        {stat('Median', l.medianMs)}
        {stat('Fastest', l.minMs)}
        {stat('Slowest', l.maxMs)}
      </div>
      <LatencyTurns call={call} warn={warn} bad={bad} />
    </section>
  )
}

/** The API's own turnLatencyMetrics, per caller → agent hand-over (beside the overlay's marks). */
function LatencyTurns({ call, warn, bad }: { call: CallSummary; warn: number; bad: number }) {
  const l = call.latency!
  const rows = l.transitions.length ? l.transitions.map((t) => ({ turn: t.turn, ms: t.latencyMs })) : l.perTurnMs.map((ms, k) => ({ turn: k + 1, ms }))
  if (!rows.length) return null
  return (
    <table className="lat-table" aria-label="Latency per turn (from the platform)">
      <thead><tr><th scope="col">Turn</th><th scope="col">Agent answered after</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.turn} data-api-latency={r.ms}>
            <td className="mono">{r.turn}</td>
            <td className={latencyClass(r.ms, warn, bad)}>{ms(r.ms)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const HIDDEN_EVENT_KEYS = new Set(['event_id', 'event_type', 'timestamp', 'call_id'])
const timeOf = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? new Date(v).toLocaleTimeString() : '')
const brief = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v))
/** "user_transcription_text: …" reads better as the quoted text alone. */
const eventPart = ([key, v]: [string, unknown]) => (key.endsWith('_text') ? `“${brief(v)}”` : `${key.replaceAll('_', ' ')}: ${brief(v)}`)

export function CallEvents({ call }: { call: CallSummary | CallDetail }) {
  const events = 'events' in call ? call.events : []
  if (!events.length) return null
  return (
    <section aria-labelledby="detail-events">
      <h3 id="detail-events">Events<span className="muted"> · {events.length}</span></h3>
      <ol className="events">
        {events.map((e, k) => {
          const rest = Object.entries(e).filter(([key]) => !HIDDEN_EVENT_KEYS.has(key))
          return (
            <li key={k}>
              <span className="mono muted small">{timeOf(e.timestamp)}</span> <strong>{label(String(e.event_type ?? 'event'))}</strong>
              {rest.length ? <span className="muted small event-rest"> {rest.map(eventPart).join(' · ')}</span> : null}
            </li>
          )
        })}
      </ol>
    </section>
  )
}

export function CallVariables({ call }: { call: CallSummary | CallDetail }) {
  const vars = 'variables' in call ? Object.entries(call.variables) : []
  if (!vars.length) return null
  return (
    <section aria-labelledby="detail-variables">
      <h3 id="detail-variables">Variables</h3>
      <dl className="facts vars">
        {vars.map(([k, v]) => [<dt key={`${k}-t`} className="mono">{k}</dt>, <dd key={`${k}-d`}>{brief(v)}</dd>])}
      </dl>
    </section>
  )
}
