// The session's annotation changes, newest last, so a slip (a deleted comment, a wrong edit) can
// be taken back. Kept in memory only: undo is for the last few seconds, not history. Undo acts on
// the call the reviewer is looking at, so steps are popped per call (the newest of that call).
import type { AnnotationRecord } from './annotations.repo'

export interface UndoStep {
  /** The call the annotation belongs to. */
  callId: string
  /** The annotation's id. */
  id: string
  /** Its copy before the change, or null when the change created it. */
  before: AnnotationRecord | null
}

const DEPTH = 50

export class UndoStack {
  private readonly steps: UndoStep[] = []

  push(callId: string, before: AnnotationRecord | null, id: string): void {
    this.steps.push({ callId, id, before })
    if (this.steps.length > DEPTH) this.steps.shift()
  }

  /** Removes and returns the newest step of this call; other calls' steps stay. */
  pop(callId: string): UndoStep | undefined {
    const i = this.steps.findLastIndex((s) => s.callId === callId)
    return i < 0 ? undefined : this.steps.splice(i, 1)[0]
  }
}
