// Selectors the review components share. Empty results are constants: a selector that returns
// a fresh [] each time makes zustand see a change on every render and loop.
import type { TranscriptTurn } from '@shared/domain'
import type { AnnotationView } from '@shared/review'
import type { Store } from '../../store'

const NO_TURNS: TranscriptTurn[] = []
const NO_ANNOTATIONS: AnnotationView[] = []
const NO_TAGS: string[] = []

export const transcriptOf = (s: Store): TranscriptTurn[] => (s.openCall && 'transcript' in s.openCall.call ? s.openCall.call.transcript : NO_TURNS)
export const annotationsOf = (s: Store): AnnotationView[] => s.review?.annotations ?? NO_ANNOTATIONS
export const tagsOf = (s: Store): string[] => s.review?.tags ?? NO_TAGS
