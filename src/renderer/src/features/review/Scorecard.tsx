// Scoring the call with a scorecard: each item pass/fail or on its scale (or not applicable),
// saved on every answer (shown at once, saved in order: see store/reviewSaves.ts); main computes
// the total and the auto-fail, shown as it stored them.
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Answer, RubricItem, Score } from '@shared/review'
import { useStore } from '../../store'


function ItemAnswer({ item, answer, onAnswer }: { item: RubricItem; answer: Answer | undefined; onAnswer: (a: Answer) => void }) {
  const choices: { value: Answer; text: string }[] =
    item.kind === 'passfail'
      ? [{ value: true, text: 'Pass' }, { value: false, text: 'Fail' }]
      : Array.from({ length: (item.scaleMax ?? 5) + 1 }, (_, n) => ({ value: n, text: String(n) }))
  return (
    <div className="score-item">
      <span className="score-label" title={item.description}>
        {item.label}
        {item.autoFail ? <span className="chip chip-failed" title="Failing this item fails the whole call">auto-fail</span> : null}
        <span className="muted small"> ×{item.weight}</span>
      </span>
      <div className="segmented" role="group" aria-label={item.label}>
        {[...choices, { value: null, text: 'N/A' }].map((c) => (
          <button key={String(c.value)} type="button" className="seg" aria-pressed={answer === c.value} onClick={() => onAnswer(c.value)}>{c.text}</button>
        ))}
      </div>
    </div>
  )
}

export function Scorecard() {
  // rubrics: main lists the newest version of each.
  const { review, rubrics, answerScore } = useStore(useShallow((s) => ({ review: s.review, rubrics: s.rubrics, answerScore: s.answerScore })))
  const [chosen, setChosen] = useState<string | null>(null)
  if (!review) return null
  if (!rubrics.length) return <p className="muted small">No scorecards yet: add one in Settings → Scorecards.</p>
  const rubricId = chosen ?? review.scores[0]?.rubricId ?? rubrics[0]!.id
  const score: Score | undefined = review.scores.find((s) => s.rubricId === rubricId)
  // A score keeps the rubric version it was given with; a new score uses the newest version.
  const rubric = (score && review.rubrics.find((r) => r.id === score.rubricId && r.version === score.rubricVersion)) ?? rubrics.find((r) => r.id === rubricId)
  if (!rubric) return null
  const answer = (item: RubricItem, a: Answer) => void answerScore(rubric, item.id, a)
  return (
    <div className="scorecard">
      <div className="scorecard-head">
        <select aria-label="Scorecard" value={rubricId} onChange={(e) => setChosen(e.target.value)}>
          {rubrics.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </select>
        <span className="score-total" data-testid="score-total" aria-live="polite">
          {score?.autoFailed ? <span className="chip chip-failed">Auto-failed</span> : null}
          {score?.total === null || score === undefined ? '—' : `${Math.round(score.total)} / 100`}
          {score && !score.complete ? <span className="muted small"> (incomplete)</span> : null}
        </span>
      </div>
      {rubric.items.map((item) => <ItemAnswer key={item.id} item={item} answer={score?.answers[item.id]} onAnswer={(a) => answer(item, a)} />)}
      {score && score.rubricVersion !== rubrics.find((r) => r.id === rubric.id)?.version ? <p className="muted small">Scored with version {score.rubricVersion} of this scorecard.</p> : null}
    </div>
  )
}
