// The review side of the call view: status and Review next, tags, the scorecard, annotations.
// Loads what was written about the open call whenever another call opens.
import { useEffect } from 'react'
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
  const { openId, error, loadReview, loadRubrics, unnamed } = useStore(
    useShallow((s) => ({ openId: s.openId, error: s.reviewError, loadReview: s.loadReview, loadRubrics: s.loadRubrics, unnamed: s.settings !== null && !s.settings.reviewerName.trim() })),
  )
  useEffect(() => {
    if (openId) void loadReview(openId)
  }, [openId, loadReview])
  useEffect(() => void loadRubrics(), [loadRubrics])
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
