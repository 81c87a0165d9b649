// What reviewers write about the open call: its review status, tags, annotations and scores
// (all kept by main in the workspace), the scorecards to score with, and Review next through the
// active saved view. Every change goes to main first; the state shows what main stored.
import type { StateCreator } from 'zustand'
import type { AnnotationInput, CallReview, ReviewStatusValue, Rubric, RubricInput, ScoreInput } from '@shared/review'
import { errorMessage, ipc } from '../lib/ipc'
import type { Store } from './index'

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
  setCallTags: (tags: string[]) => Promise<void>
  saveAnnotation: (input: AnnotationInput) => Promise<boolean>
  deleteAnnotation: (id: string) => Promise<void>
  undoReview: () => Promise<void>
  loadRubrics: () => Promise<void>
  saveRubric: (input: RubricInput) => Promise<Rubric>
  saveScore: (input: ScoreInput) => Promise<void>
  reviewNext: () => Promise<void>
}

export const createReviewSlice: StateCreator<Store, [], [], ReviewSlice> = (set, get) => {
  /** Runs a change for the open call, then reloads what main stored; errors land in reviewError. */
  const change = async (work: (callId: string) => Promise<unknown>): Promise<boolean> => {
    const callId = get().openId
    if (!callId) return false
    try {
      await work(callId)
      const review = await ipc.getReview(callId)
      if (get().openId === callId) set({ review, reviewError: null })
      // The list shows review status, score and tags: its rows are refetched (throttled).
      get().refreshList()
      return true
    } catch (err) {
      set({ reviewError: errorMessage(err) })
      return false
    }
  }

  return {
    review: null,
    reviewError: null,
    rubrics: [],
    queueDone: false,
    annotationTarget: null,
    setAnnotationTarget: (annotationTarget) => set({ annotationTarget }),
    loadReview: async (callId) => {
      set({ annotationTarget: null,  review: get().review?.callId === callId ? get().review : null, reviewError: null })
      try {
        const review = await ipc.getReview(callId)
        if (get().openId === callId) set({ review })
      } catch (err) {
        set({ reviewError: errorMessage(err) })
      }
    },
    setReviewStatus: async (status) => void (await change((id) => ipc.setReviewStatus(id, status))),
    setCallTags: async (tags) => void (await change((id) => ipc.setTags(id, tags))),
    saveAnnotation: (input) => change(() => ipc.saveAnnotation(input)),
    deleteAnnotation: async (id) => void (await change(() => ipc.deleteAnnotation(id))),
    undoReview: async () => void (await change(() => ipc.undoReview())),
    loadRubrics: async () => {
      try {
        set({ rubrics: await ipc.listRubrics() })
      } catch (err) {
        set({ reviewError: errorMessage(err) })
      }
    },
    saveRubric: async (input) => {
      const rubric = await ipc.saveRubric(input)
      await get().loadRubrics()
      return rubric
    },
    saveScore: async (input) => void (await change(() => ipc.saveScore(input))),
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
