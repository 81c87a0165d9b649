// What reviewers write about the open call: its review status, tags, annotations and scores
// (all kept by main in the workspace), the scorecards to score with, and Review next through the
// active saved view. Scorecard answers and tags show at once and are saved in order (see
// reviewSaves.ts); after a call's last queued change the state shows what main stored.
import type { StateCreator } from 'zustand'
import type { Answer, AnnotationInput, CallReview, ReviewStatusValue, Rubric, RubricInput } from '@shared/review'
import { errorMessage, ipc } from '../lib/ipc'
import { sameValue } from '../lib/query'
import type { Store } from './index'
import { SaveQueue, withAnswer } from './reviewSaves'

/** What a new annotation will be attached to: a turn, a time range on the waveform, or both. */
export interface AnnotationTarget {
  turnIndex: number | null
  startS: number | null
  endS: number | null
}

export interface ReviewSlice {
  review: CallReview | null
  reviewError: string | null
  rubrics: Rubric[]
  /** Review next found nothing left to review in the active view. */
  queueDone: boolean
  /** Set by the transcript (Annotate on a turn) or the waveform (a selected range). */
  annotationTarget: AnnotationTarget | null
  setAnnotationTarget: (target: AnnotationTarget | null) => void
  loadReview: (callId: string) => Promise<void>
  setReviewStatus: (status: ReviewStatusValue) => Promise<void>
  /** Changes the open call's tags from the ones shown now (which include changes not saved yet). */
  editTags: (edit: (tags: string[]) => string[]) => Promise<void>
  saveAnnotation: (input: AnnotationInput) => Promise<boolean>
  deleteAnnotation: (id: string) => Promise<void>
  undoReview: () => Promise<void>
  loadRubrics: () => Promise<void>
  saveRubric: (input: RubricInput) => Promise<Rubric>
  /** Answers one item of the open call's score with this rubric version, keeping its other answers. */
  answerScore: (rubric: Pick<Rubric, 'id' | 'version'>, itemId: string, answer: Answer) => Promise<void>
  reviewNext: () => Promise<void>
}

export const createReviewSlice: StateCreator<Store, [], [], ReviewSlice> = (set, get) => {
  const saves = new SaveQueue()

  /** What main stored, unless more changes of the call are queued (they would be missing from it). */
  const reload = async (callId: string, clearError: boolean): Promise<boolean> => {
    try {
      const review = await ipc.getReview(callId)
      if (get().openId === callId && saves.pending(callId) <= 1) set({ review, ...(clearError ? { reviewError: null } : {}) })
      return true
    } catch (err) {
      set({ reviewError: errorMessage(err) })
      return false
    }
  }

  /**
   * Runs a change for the open call after its earlier ones, showing `shown` meanwhile; the last
   * queued change reloads what main stored (also after a failure, so the optimistic state goes).
   */
  const change = (work: (callId: string) => Promise<unknown>, shown?: CallReview): Promise<boolean> => {
    const callId = get().openId
    if (!callId) return Promise.resolve(false)
    if (shown?.callId === callId) set({ review: shown })
    return saves.run(callId, async () => {
      let ok = true
      try {
        await work(callId)
      } catch (err) {
        set({ reviewError: errorMessage(err) })
        ok = false
      }
      if (saves.pending(callId) <= 1) ok = (await reload(callId, ok)) && ok
      // The list shows review status, score and tags: its rows are refetched (throttled).
      if (ok) get().refreshList()
      return ok
    })
  }
  /** The open call's review as shown, when it is loaded. */
  const shownReview = () => {
    const review = get().review
    return review && review.callId === get().openId ? review : null
  }

  return {
    review: null,
    reviewError: null,
    rubrics: [],
    queueDone: false,
    annotationTarget: null,
    setAnnotationTarget: (annotationTarget) => set({ annotationTarget }),
    loadReview: async (callId) => {
      set({ annotationTarget: null, review: null, reviewError: null })
      try {
        const review = await ipc.getReview(callId)
        // A queued change of this call reloads when it is done; this copy may be missing it.
        if (get().openId === callId && !saves.pending(callId)) set({ review })
      } catch (err) {
        set({ reviewError: errorMessage(err) })
      }
    },
    setReviewStatus: async (status) => void (await change((id) => ipc.setReviewStatus(id, status))),
    editTags: async (edit) => {
      const review = shownReview()
      if (!review) return
      const tags = edit(review.tags)
      await change((id) => ipc.setTags(id, tags), { ...review, tags })
    },
    saveAnnotation: (input) => change(() => ipc.saveAnnotation(input)),
    deleteAnnotation: async (id) => void (await change(() => ipc.deleteAnnotation(id))),
    undoReview: async () => void (await change((id) => ipc.undoReview(id))),
    loadRubrics: async () => {
      try {
        // Asked again at every call opened (an import may have brought new ones): unchanged, nothing re-renders.
        const rubrics = await ipc.listRubrics()
        if (!sameValue(rubrics, get().rubrics)) set({ rubrics })
      } catch (err) {
        set({ reviewError: errorMessage(err) })
      }
    },
    saveRubric: async (input) => {
      const rubric = await ipc.saveRubric(input)
      await get().loadRubrics()
      return rubric
    },
    answerScore: async (rubric, itemId, answer) => {
      const review = shownReview()
      if (!review) return
      const shown = withAnswer(review, rubric, itemId, answer)
      const answers = shown.scores.find((s) => s.rubricId === rubric.id)!.answers
      await change((callId) => ipc.saveScore({ callId, rubricId: rubric.id, rubricVersion: rubric.version, answers }), shown)
    },
    reviewNext: async () => {
      const viewId = get().viewId
      if (!viewId) return
      try {
        const next = await ipc.reviewNext(viewId)
        set({ queueDone: next === null })
        if (next) await get().openCallById(next)
      } catch (err) {
        set({ reviewError: errorMessage(err) })
      }
    },
  }
}
