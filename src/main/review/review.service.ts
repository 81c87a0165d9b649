// The review workflow of one workspace, as the IPC handlers and the CLI use it: what was written
// about a call (anchored to the transcript the cache holds now), and each change a reviewer makes.
// Writes go to the workspace only; the cache is read for transcripts and the queue's order.
import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { TranscriptTurn } from '@shared/domain'
import type {
  AnnotationInput, AnnotationView, CallReview, ReviewStatus, ReviewStatusValue, Rubric, RubricInput, Score, ScoreInput,
} from '@shared/review'
import type { CallQueryService } from '../store/callQuery.service'
import type { Db } from '../store/db'
import type { ViewsRepo } from '../store/views.repo'
import { anchor, turnHash } from './anchor'
import { AnnotationsRepo, type AnnotationRecord } from './annotations.repo'
import { nextStamp } from './merge'
import { QueueService } from './queue.service'
import { normaliseTag, TAG_MAX } from './review.schema'
import { RubricsRepo } from './rubrics.repo'
import { ScoresRepo } from './scores.repo'
import { computeScore } from './scoring'
import { StatusRepo } from './status.repo'
import { TagsRepo } from './tags.repo'
import { UndoStack } from './undo'

export interface ReviewDeps {
  workspace: Db
  query: CallQueryService
  views: ViewsRepo
  /** The reviewer's name (from settings), stamped on what they write. */
  author: () => string
  now?: () => number
}

export class ReviewService {
  readonly workspace: Db
  readonly annotations: AnnotationsRepo
  readonly tags: TagsRepo
  readonly rubrics: RubricsRepo
  readonly scores: ScoresRepo
  readonly status: StatusRepo
  readonly queue: QueueService
  private readonly undoStack = new UndoStack()
  private readonly now: () => number

  constructor(private readonly deps: ReviewDeps) {
    const db = (this.workspace = deps.workspace)
    this.annotations = new AnnotationsRepo(db)
    this.tags = new TagsRepo(db)
    this.rubrics = new RubricsRepo(db)
    this.scores = new ScoresRepo(db)
    this.status = new StatusRepo(db)
    this.queue = new QueueService(db, { query: deps.query, views: deps.views, status: this.status })
    this.now = deps.now ?? Date.now
  }

  /** The call's transcript as the cache has it now, or null when it is not synced. */
  transcript(callId: string): TranscriptTurn[] | null {
    const found = this.deps.query.get(callId)
    return found?.hasDetail && 'transcript' in found.call ? found.call.transcript : null
  }

  get(callId: string): CallReview {
    const transcript = this.transcript(callId)
    const scores = this.scores.ofCall(callId)
    const rubrics = scores.map((s) => this.rubrics.get(s.rubricId, s.rubricVersion)).filter((r): r is Rubric => r !== null)
    return {
      callId,
      status: this.status.get(callId),
      tags: this.tags.ofCall(callId),
      annotations: anchor(this.annotations.ofCall(callId), transcript),
      scores,
      rubrics,
      transcriptLoaded: transcript !== null,
    }
  }

  saveAnnotation(input: AnnotationInput): AnnotationView {
    const before = input.id ? this.annotations.get(input.id) : null
    if (input.id && (!before || before.deleted)) throw new AppError('NOT_FOUND', 'That annotation no longer exists.')
    if (before && before.callId !== input.callId) throw new AppError('INVALID_INPUT', 'An annotation cannot move to another call.')
    const turnIndex = input.turnIndex ?? null
    const now = this.now()
    const transcript = this.transcript(input.callId)
    const record: AnnotationRecord = {
      id: before?.id ?? randomUUID(),
      callId: input.callId,
      kind: input.kind,
      turnIndex,
      startS: input.startS ?? null,
      endS: input.endS ?? null,
      text: input.text.trim(),
      label: input.kind === 'label' ? (input.label ?? null) : null,
      turnHash: turnIndex === null ? null : hashOfTurn(transcript, turnIndex, before),
      author: this.deps.author(),
      createdMs: before?.createdMs ?? now,
      updatedMs: nextStamp(now, before?.updatedMs),
      deleted: false,
    }
    this.annotations.put(record)
    this.undoStack.push(input.callId, before, record.id)
    return anchor([record], transcript)[0]!
  }

  deleteAnnotation(id: string): boolean {
    const before = this.annotations.get(id)
    if (!before || before.deleted) return false
    this.annotations.put({ ...before, deleted: true, updatedMs: nextStamp(this.now(), before.updatedMs) })
    this.undoStack.push(before.callId, before, id)
    return true
  }

  /**
   * Takes back the newest annotation change of this session on this call (the one on screen: a
   * change to another call is never undone out of sight); the call's review, or null when there
   * is nothing left to undo there.
   */
  undo(callId: string): CallReview | null {
    const step = this.undoStack.pop(callId)
    if (!step) return null
    const current = this.annotations.get(step.id)
    if (!current) return null
    const updatedMs = nextStamp(this.now(), current.updatedMs)
    // A creation is undone by deleting; an edit or a deletion by writing the previous copy again.
    this.annotations.put(step.before ? { ...step.before, updatedMs } : { ...current, deleted: true, updatedMs })
    return this.get(current.callId)
  }

  setTags(callId: string, tags: string[]): string[] {
    const clean = [...new Set(tags.map(normaliseTag).filter((t) => t !== ''))]
    const long = clean.find((t) => t.length > TAG_MAX)
    if (long) throw new AppError('INVALID_INPUT', `A tag is at most ${TAG_MAX} characters ("${long.slice(0, 20)}…" is longer).`)
    return this.tags.set(callId, clean, this.now())
  }

  tagSuggestions(prefix: string): string[] {
    return this.tags.suggestions(prefix.trim().toLowerCase())
  }

  labelSuggestions(prefix: string): string[] {
    return this.annotations.labelSuggestions(prefix.trim())
  }

  listRubrics(): Rubric[] {
    return this.rubrics.list()
  }

  saveRubric(input: RubricInput): Rubric {
    return this.rubrics.save(input, this.deps.author(), this.now())
  }

  saveScore(input: ScoreInput): Score {
    const rubric = this.rubrics.get(input.rubricId, input.rubricVersion)
    if (!rubric) throw new AppError('NOT_FOUND', `Rubric version ${input.rubricVersion} does not exist.`)
    const computed = computeScore(rubric, input.answers)
    const before = this.scores.find(input.callId, input.rubricId)
    const now = this.now()
    const score: Score = {
      id: before?.id ?? randomUUID(),
      ...input,
      ...computed,
      author: this.deps.author(),
      createdMs: before?.createdMs ?? now,
      updatedMs: nextStamp(now, before?.updatedMs),
    }
    this.scores.put(score)
    return score
  }

  setStatus(callId: string, status: ReviewStatusValue): ReviewStatus {
    return this.status.set(callId, status, this.deps.author(), this.now())
  }

  next(viewId: string): string | null {
    return this.queue.next(viewId, this.now())
  }
}

/** Writing on a turn re-attaches the annotation to the text the reviewer sees now. */
function hashOfTurn(transcript: TranscriptTurn[] | null, turnIndex: number, before: AnnotationRecord | null): string {
  if (!transcript) {
    if (before && before.turnIndex === turnIndex && before.turnHash) return before.turnHash
    throw new AppError('CONFLICT', 'The transcript of this call is not loaded yet, so a turn cannot be annotated.')
  }
  const turn = transcript[turnIndex]
  if (!turn) throw new AppError('INVALID_INPUT', `Turn ${turnIndex} is not in this call's transcript (it has ${transcript.length} turns).`)
  return turnHash(turn.text)
}
