// The review side of the call view: status and Review next, tags, the scorecard, annotations.
import { useShallow } from 'zustand/react/shallow'
import type { AnnotationView } from '@shared/review'
import { useStore } from '../../store'
import { AnnotationList } from './AnnotationList'
import { Scorecard } from './Scorecard'
import { StatusButtons } from './StatusButtons'
import { TagEditor } from './TagEditor'
import { useReviewKeys } from './useReviewKeys'
import './review.css'

export function ReviewPanel({ onSeek, onAnnotateRange }: { onSeek?: (a: AnnotationView) => void; onAnnotateRange?: () => void }) {
  const { openId, error, unnamed } = useStore(
    useShallow((s) => ({ openId: s.openId, error: s.reviewError, unnamed: s.settings !== null && !s.settings.reviewerName.trim() })),
  )
  useReviewKeys()
  if (!openId) return null
  return (
    <section className="review-panel" aria-label="Review">
      <StatusButtons />
      {error ? <div className="banner banner-error small" role="alert">{error}</div> : null}
      {unnamed ? <p className="muted small">Add your name under Settings → Reviewer name so your reviews and notes are signed.</p> : null}
      <h3>Tags</h3>
      <TagEditor />
      <h3>Scorecard</h3>
      <Scorecard />
      <h3>Annotations</h3>
      <AnnotationList onSeek={onSeek} onAnnotateRange={onAnnotateRange} />
    </section>
  )
}
