// The transcript as text (the synced detail), or why it is not there yet, with a retry.
import type { CallDetail } from '@shared/domain'
import type { CallView } from '@shared/ipc/types'

const ROLE: Record<string, string> = { user: 'Caller', agent: 'Agent', assistant: 'Agent', bot: 'Agent' }

export function CallTranscript({ view, loading, onRetry }: { view: CallView; loading: boolean; onRetry: () => void }) {
  const transcript = view.hasDetail && 'transcript' in view.call ? (view.call as CallDetail).transcript : null
  return (
    <section aria-labelledby="detail-transcript">
      <h3 id="detail-transcript">Transcript</h3>
      {view.detailError ? (
        <div className="banner banner-warning" role="alert">
          <p>{view.detailError}</p>
          <button type="button" className="btn btn-small" onClick={onRetry}>Retry</button>
        </div>
      ) : null}
      {transcript ? (
        transcript.length ? (
          <ol className="transcript">
            {transcript.map((t) => (
              <li key={t.index} className={`turn turn-${ROLE[t.role] === 'Agent' ? 'agent' : t.role === 'user' ? 'user' : 'other'}`}>
                <span className="turn-role">{ROLE[t.role] ?? t.role}</span>
                <span className="turn-text">{t.text}</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted">Nobody spoke on this call.</p>
        )
      ) : !view.detailError ? (
        <p className="muted">{loading ? 'Loading the transcript…' : 'The transcript has not been downloaded yet.'}</p>
      ) : null}
    </section>
  )
}
