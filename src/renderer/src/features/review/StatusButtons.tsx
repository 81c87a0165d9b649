// The call's review status (who set it and when) and Review next through the active saved view.
import { useShallow } from 'zustand/react/shallow'
import { REVIEW_STATUSES, type ReviewStatusValue } from '@shared/review'
import { dateTime, label } from '../../lib/format'
import { useStore } from '../../store'

/** Shift + the key sets the status; N is Review next (see useReviewKeys). */
export const STATUS_KEYS: Record<ReviewStatusValue, string> = { unreviewed: 'U', in_review: 'I', done: 'D', flagged: 'G' }

export function StatusButtons() {
  const { status, viewId, viewName, queueDone, setStatus, next } = useStore(
    useShallow((s) => ({
      status: s.review?.status ?? null, viewId: s.viewId, viewName: s.views.find((v) => v.id === s.viewId)?.name ?? null,
      queueDone: s.queueDone, setStatus: s.setReviewStatus, next: s.reviewNext,
    })),
  )
  const current = status?.status ?? 'unreviewed'
  return (
    <div className="review-status">
      <div className="segmented" role="group" aria-label="Review status">
        {REVIEW_STATUSES.map((s) => (
          <button key={s} type="button" className={`seg status-${s}`} aria-pressed={current === s} title={`${label(s)} (Shift+${STATUS_KEYS[s]})`} onClick={() => void setStatus(s)}>
            {label(s)}
          </button>
        ))}
      </div>
      <span className="muted small">{status ? `${status.author || 'Someone'} · ${dateTime(new Date(status.updatedMs).toISOString())}` : 'Not reviewed yet'}</span>
      <button type="button" className="btn btn-small" disabled={!viewId} title={viewId ? `Next unreviewed call of “${viewName}” (N)` : 'Open a saved view to review it as a queue'} onClick={() => void next()}>
        Review next →
      </button>
      {queueDone && viewId ? <span className="muted small" role="status">Every call of “{viewName}” is reviewed.</span> : null}
    </div>
  )
}
