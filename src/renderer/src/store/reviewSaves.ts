// The open call's review changes, made optimistic and kept in order. Scorecard answers and tags
// are whole values (the answers map, the tag set) that main stores as sent, so a change must be
// built on every earlier one: the slice applies each change to the review it shows at once (the
// next click builds on it) and SaveQueue sends one call's saves to main one after another, in
// the order they were made. Chosen over deltas merged in main because it keeps main's channels
// and their set semantics (an explicit removal still tombstones, which must travel in exports).
import type { Answer, CallReview, Rubric, Score } from '@shared/review'

export class SaveQueue {
  private readonly tails = new Map<string, Promise<unknown>>()
  private readonly counts = new Map<string, number>()

  /** Saves of this call queued or running (a reload is only worth showing when it is the last). */
  pending(callId: string): number {
    return this.counts.get(callId) ?? 0
  }

  /** Runs `work` after this call's earlier saves have finished (whether they failed or not). */
  run<T>(callId: string, work: () => Promise<T>): Promise<T> {
    this.counts.set(callId, this.pending(callId) + 1)
    const done = (this.tails.get(callId) ?? Promise.resolve()).then(work).finally(() => {
      const left = this.pending(callId) - 1
      if (left > 0) return void this.counts.set(callId, left)
      this.counts.delete(callId)
      this.tails.delete(callId)
    })
    this.tails.set(callId, done.catch(() => {}))
    return done
  }
}

/** The review with one scorecard answer changed (a first answer makes an unsaved score to hold it). */
export function withAnswer(review: CallReview, rubric: Pick<Rubric, 'id' | 'version'>, itemId: string, answer: Answer): CallReview {
  const old = review.scores.find((s) => s.rubricId === rubric.id)
  const answers = { ...(old?.answers ?? {}), [itemId]: answer }
  const draft: Score = old
    ? { ...old, answers }
    : {
        id: '', callId: review.callId, rubricId: rubric.id, rubricVersion: rubric.version, answers,
        total: null, rawTotal: null, autoFailed: false, complete: false, author: '', createdMs: 0, updatedMs: 0,
      }
  return { ...review, scores: old ? review.scores.map((s) => (s === old ? draft : s)) : [draft, ...review.scores] }
}
