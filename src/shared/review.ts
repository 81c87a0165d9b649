// The review workflow's types as they cross IPC: annotations, tags, scorecards, scores, review
// status, and the list filter over them. Everything here is stored in the workspace database
// (src/main/review/*), never in the rebuildable cache. Changing a type means changing its zod
// schema in src/main/review/review.schema.ts and, for stored records, the exchange format
// (src/main/review/exchange.schema.ts).

export const REVIEW_STATUSES = ['unreviewed', 'in_review', 'done', 'flagged'] as const
export type ReviewStatusValue = (typeof REVIEW_STATUSES)[number]

export const ANNOTATION_KINDS = ['comment', 'correction', 'label'] as const
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number]

/** A comment, correction (the text the turn should have had) or label on a turn or a time range. */
export interface Annotation {
  /** A UUID, the same on every install the annotation is exported to. */
  id: string
  callId: string
  kind: AnnotationKind
  /** The turn it is attached to, or null for a time range alone. */
  turnIndex: number | null
  /** Seconds into the recording; both null when the annotation is on a turn only. */
  startS: number | null
  endS: number | null
  /** The comment, or the corrected text of the turn; for a label, an optional note. */
  text: string
  /** The label's name (kind "label" only). */
  label: string | null
  /** Hash of the turn's text when the annotation was written: tells when the transcript changed. */
  turnHash: string | null
  author: string
  createdMs: number
  updatedMs: number
}

/** An annotation as shown against the transcript the cache holds now. */
export interface AnnotationView extends Annotation {
  /** The turn's text no longer matches what was annotated (the transcript changed since). */
  stale: boolean
  /** When stale: the index of a turn that has the annotated text now (it moved), else null. */
  relocatedTo: number | null
}

export interface AnnotationInput {
  /** Present to edit an existing annotation. */
  id?: string
  callId: string
  kind: AnnotationKind
  turnIndex?: number | null
  startS?: number | null
  endS?: number | null
  text: string
  label?: string | null
}

/** One question of a scorecard: pass/fail, or a 0..scaleMax scale. */
export interface RubricItem {
  /** Stable within the rubric (answers are keyed by it across versions). */
  id: string
  label: string
  description?: string
  /** Relative weight in the total (> 0). */
  weight: number
  kind: 'passfail' | 'scale'
  /** The top of the scale (kind "scale" only): answers are whole numbers 0..scaleMax. */
  scaleMax?: number
  /** Failing this item (a fail, or 0 on a scale) fails the whole call: its total becomes 0. */
  autoFail: boolean
}

/** A version of a scorecard. Versions are immutable: editing a rubric makes the next version. */
export interface Rubric {
  id: string
  version: number
  name: string
  items: RubricItem[]
  author: string
  createdMs: number
}

export interface RubricInput {
  /** Present to make a new version of an existing rubric. */
  id?: string
  name: string
  items: RubricItem[]
}

/** true/false for pass/fail, a whole number for a scale, null for "not applicable". */
export type Answer = boolean | number | null

export interface Score {
  id: string
  callId: string
  rubricId: string
  rubricVersion: number
  /** By item id. An item without an answer is not scored yet (see `complete`). */
  answers: Record<string, Answer>
  /** 0..100 over the applicable answered items; 0 when auto-failed; null when nothing applies. */
  total: number | null
  /** The total before an auto-fail zeroed it. */
  rawTotal: number | null
  autoFailed: boolean
  /** Every item has an answer (null = not applicable counts as one). */
  complete: boolean
  author: string
  createdMs: number
  updatedMs: number
}

export interface ScoreInput {
  callId: string
  rubricId: string
  rubricVersion: number
  answers: Record<string, Answer>
}

export interface ReviewStatus {
  callId: string
  status: ReviewStatusValue
  author: string
  updatedMs: number
}

/** Everything written about one call, for the call view. */
export interface CallReview {
  callId: string
  /** null when nobody set one: the call is unreviewed. */
  status: ReviewStatus | null
  tags: string[]
  annotations: AnnotationView[]
  scores: Score[]
  /** The exact rubric versions the scores were given with. */
  rubrics: Rubric[]
  /** False when the cache has no transcript of the call (not synced yet): staleness is unknown. */
  transcriptLoaded: boolean
}

/** What the call list shows about a call's review in its columns. */
export interface ReviewSummary {
  status: ReviewStatusValue
  tags: string[]
  /** The latest score's total, or null. */
  score: number | null
  autoFailed: boolean
  annotations: number
}

/** Filters of the call list over review data (combined with AND). */
export interface ReviewFilter {
  reviewStatuses?: ReviewStatusValue[]
  /** Calls having every one of these tags. */
  tags?: string[]
  hasAnnotations?: boolean
  /** On the newest score's total (the one the list shows), 0..100. */
  scoreMin?: number
  scoreMax?: number
  /** Whether the newest score auto-failed. */
  autoFailed?: boolean
}

/** What an import did, per kind of record: a second import of the same file adds nothing. */
export interface ImportCounts {
  added: number
  updated: number
  unchanged: number
}

export type ImportSummary = Record<'annotations' | 'tags' | 'rubrics' | 'scores' | 'statuses', ImportCounts>
