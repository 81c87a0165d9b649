// The scorecard arithmetic, pure so the UI's preview, the save and the import check agree.
// Each applicable answered item counts as weight × (1 for a pass, 0 for a fail, value/scaleMax on
// a scale); the total is that over the applicable answered weight, as 0..100 with two decimals.
// An auto-fail item answered with a fail (or 0) zeroes the total and keeps the raw one beside it.
import { AppError } from '@shared/errors'
import type { Answer, Rubric } from '@shared/review'

export interface Computed {
  total: number | null
  rawTotal: number | null
  autoFailed: boolean
  complete: boolean
}

const round2 = (n: number) => Math.round(n * 100) / 100

/** Why these answers do not fit the rubric, or null when they do. */
export function answerProblem(rubric: Pick<Rubric, 'items'>, answers: Record<string, Answer>): string | null {
  const items = new Map(rubric.items.map((i) => [i.id, i]))
  for (const [id, answer] of Object.entries(answers)) {
    const item = items.get(id)
    if (!item) return `"${id}" is not an item of this rubric`
    if (answer === null) continue
    if (item.kind === 'passfail' && typeof answer !== 'boolean') return `item "${id}" is pass/fail: answer true, false or null`
    if (item.kind === 'scale' && (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0 || answer > item.scaleMax!)) {
      return `item "${id}" is a 0..${item.scaleMax} scale: answer a whole number in it or null`
    }
  }
  return null
}

export function computeScore(rubric: Pick<Rubric, 'items'>, answers: Record<string, Answer>): Computed {
  const problem = answerProblem(rubric, answers)
  if (problem) throw new AppError('INVALID_INPUT', problem)
  let weight = 0
  let earned = 0
  let autoFailed = false
  for (const item of rubric.items) {
    const answer = answers[item.id]
    if (answer === undefined || answer === null) continue
    const value = typeof answer === 'boolean' ? (answer ? 1 : 0) : answer / item.scaleMax!
    if (item.autoFail && value === 0) autoFailed = true
    weight += item.weight
    earned += item.weight * value
  }
  const rawTotal = weight > 0 ? round2((earned / weight) * 100) : null
  return {
    rawTotal,
    total: autoFailed ? 0 : rawTotal,
    autoFailed,
    complete: rubric.items.every((i) => answers[i.id] !== undefined),
  }
}
