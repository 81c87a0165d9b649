// Filters over what reviewers wrote: review status, has annotations, score range and tags. They
// live in query.review and are answered by main with the workspace beside the cache.
import { memo, useState } from 'react'
import { REVIEW_STATUSES, type ReviewFilter } from '@shared/review'
import { label } from '../../lib/format'
import { useStore } from '../../store'

const NO_FILTER: ReviewFilter = {}
const num = (s: string) => (s.trim() === '' ? undefined : Number(s))
const tagList = (s: string) => s.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean)
const sameList = (a: string[] | undefined, b: string[]) => (a ?? []).join(',') === b.join(',')

export const ReviewFilters = memo(function ReviewFilters() {
  const review = useStore((s) => s.query.review ?? NO_FILTER)
  const setQuery = useStore((s) => s.setQuery)
  // cleanQuery drops what the patch empties, and the whole group when nothing is left.
  const set = (patch: Partial<ReviewFilter>) => setQuery({ review: { ...review, ...patch } })
  const [tags, setTags] = useState((review.tags ?? []).join(', '))
  const [score, setScore] = useState({ lo: review.scoreMin?.toString() ?? '', hi: review.scoreMax?.toString() ?? '' })
  // When the filter changes elsewhere (a chip, Clear all, a saved view), show the new values, as
  // RangeFilter does; else the next blur would apply the old ones again.
  const [shown, setShown] = useState({ min: review.scoreMin, max: review.scoreMax, tags: review.tags })
  if (shown.min !== review.scoreMin || shown.max !== review.scoreMax || !sameList(shown.tags, review.tags ?? [])) {
    setShown({ min: review.scoreMin, max: review.scoreMax, tags: review.tags })
    setScore({ lo: review.scoreMin?.toString() ?? '', hi: review.scoreMax?.toString() ?? '' })
    setTags((review.tags ?? []).join(', '))
  }
  const statuses = review.reviewStatuses ?? []
  const scoreBad = [score.lo, score.hi].some((s) => s.trim() !== '' && !(Number(s) >= 0 && Number(s) <= 100))
  // A blur or Enter that changes nothing leaves the query (and the list) alone.
  const applyScore = () => {
    if (scoreBad || (num(score.lo) === review.scoreMin && num(score.hi) === review.scoreMax)) return
    set({ scoreMin: num(score.lo), scoreMax: num(score.hi) })
  }
  const applyTags = () => {
    const next = tagList(tags)
    if (!sameList(review.tags, next)) set({ tags: next })
  }
  return (
    <fieldset className="facet" aria-label="Review">
      <legend>Review</legend>
      {REVIEW_STATUSES.map((st) => (
        <label key={st} className="check">
          <input type="checkbox" checked={statuses.includes(st)} onChange={(e) => set({ reviewStatuses: e.target.checked ? [...statuses, st] : statuses.filter((x) => x !== st) })} />
          <span className="facet-label">{label(st)}</span>
        </label>
      ))}
      <select aria-label="Annotations" value={review.hasAnnotations === undefined ? '' : review.hasAnnotations ? 'yes' : 'no'} onChange={(e) => set({ hasAnnotations: e.target.value === '' ? undefined : e.target.value === 'yes' })}>
        <option value="">Annotated or not</option>
        <option value="yes">With annotations</option>
        <option value="no">Without annotations</option>
      </select>
      <div className="range" onKeyDown={(e) => e.key === 'Enter' && applyScore()}>
        <input type="text" inputMode="decimal" aria-label="Score from" placeholder="score min" aria-invalid={scoreBad || undefined} value={score.lo} onChange={(e) => setScore({ ...score, lo: e.target.value })} onBlur={applyScore} />
        <span aria-hidden="true">–</span>
        <input type="text" inputMode="decimal" aria-label="Score to" placeholder="max" aria-invalid={scoreBad || undefined} value={score.hi} onChange={(e) => setScore({ ...score, hi: e.target.value })} onBlur={applyScore} />
      </div>
      {scoreBad ? <p className="inline-error" role="alert">A score is a number from 0 to 100.</p> : null}
      <input type="text" aria-label="Tags (all of)" placeholder="tags, comma separated" value={tags} onChange={(e) => setTags(e.target.value)} onBlur={applyTags} onKeyDown={(e) => e.key === 'Enter' && applyTags()} />
    </fieldset>
  )
})
