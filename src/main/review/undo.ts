// The session's annotation changes, newest last, so a slip (a deleted comment, a wrong edit) can
// be taken back. Kept in memory only: undo is for the last few seconds, not history.
import type { AnnotationRecord } from './annotations.repo'

export interface UndoStep {
  /** The annotation's id. */
  id: string
  /** Its copy before the change, or null when the change created it. */
  before: AnnotationRecord | null
}

const DEPTH = 50

export class UndoStack {
  private readonly steps: UndoStep[] = []

  push(before: AnnotationRecord | null, id: string): void {
    this.steps.push({ id, before })
    if (this.steps.length > DEPTH) this.steps.shift()
  }

  pop(): UndoStep | undefined {
    return this.steps.pop()
  }
}
