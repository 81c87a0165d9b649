// Annotations in the workspace. A deletion is a tombstone (deleted = 1, newer updated_ms) so an
// import of an older export cannot bring the annotation back; reads for the UI skip tombstones.
// An annotation never changes call: the upsert leaves call_id as stored.
import { AppError } from '@shared/errors'
import type { Annotation } from '@shared/review'
import type { Db } from '../store/db'
import { mergeOutcome, type MergeOutcome } from './merge'
import { escapeLike } from '../store/callFilter'

/** An annotation as stored and exchanged: with its tombstone flag. */
export type AnnotationRecord = Annotation & { deleted: boolean }

interface Row {
  id: string
  call_id: string
  kind: Annotation['kind']
  turn_index: number | null
  start_s: number | null
  end_s: number | null
  text: string
  label: string | null
  turn_hash: string | null
  author: string
  created_ms: number
  updated_ms: number
  deleted: number
}

const toRecord = (r: Row): AnnotationRecord => ({
  id: r.id,
  callId: r.call_id,
  kind: r.kind,
  turnIndex: r.turn_index,
  startS: r.start_s,
  endS: r.end_s,
  text: r.text,
  label: r.label,
  turnHash: r.turn_hash,
  author: r.author,
  createdMs: r.created_ms,
  updatedMs: r.updated_ms,
  deleted: r.deleted === 1,
})

export const withoutTombstone = ({ deleted: _deleted, ...a }: AnnotationRecord): Annotation => a

/** Field order fixed here, so the same record always gives the same content for the merge rule. */
const content = (a: AnnotationRecord) =>
  JSON.stringify([a.id, a.callId, a.kind, a.turnIndex, a.startS, a.endS, a.text, a.label, a.turnHash, a.author, a.createdMs, a.updatedMs, a.deleted])

export class AnnotationsRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      get: db.prepare<[string], Row>('SELECT * FROM annotations WHERE id = ?'),
      ofCall: db.prepare<[string], Row>('SELECT * FROM annotations WHERE call_id = ? AND deleted = 0 ORDER BY turn_index IS NULL, turn_index, start_s, created_ms, id'),
      all: db.prepare<[], Row>('SELECT * FROM annotations ORDER BY call_id, created_ms, id'),
      live: db.prepare<[], Row>('SELECT * FROM annotations WHERE deleted = 0 ORDER BY call_id, turn_index IS NULL, turn_index, start_s, created_ms, id'),
      upsert: db.prepare(`INSERT INTO annotations (id, call_id, kind, turn_index, start_s, end_s, text, label, turn_hash, author, created_ms, updated_ms, deleted)
        VALUES (@id, @callId, @kind, @turnIndex, @startS, @endS, @text, @label, @turnHash, @author, @createdMs, @updatedMs, @deleted)
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, turn_index = excluded.turn_index,
          start_s = excluded.start_s, end_s = excluded.end_s, text = excluded.text, label = excluded.label,
          turn_hash = excluded.turn_hash, author = excluded.author, created_ms = excluded.created_ms,
          updated_ms = excluded.updated_ms, deleted = excluded.deleted`),
      labels: db.prepare<[string], { label: string }>(
        "SELECT label FROM annotations WHERE deleted = 0 AND label IS NOT NULL AND label LIKE ? ESCAPE '\\' GROUP BY label ORDER BY COUNT(*) DESC, label LIMIT 20",
      ),
    }
  }

  get(id: string): AnnotationRecord | null {
    const row = this.stmts.get.get(id)
    return row ? toRecord(row) : null
  }

  ofCall(callId: string): Annotation[] {
    return this.stmts.ofCall.all(callId).map((r) => withoutTombstone(toRecord(r)))
  }

  /** Every record, tombstones included (for the JSONL export, which carries deletions). */
  *all(): Generator<AnnotationRecord> {
    for (const row of this.stmts.all.iterate()) yield toRecord(row)
  }

  *live(): Generator<Annotation> {
    for (const row of this.stmts.live.iterate()) yield withoutTombstone(toRecord(row))
  }

  put(a: AnnotationRecord): void {
    this.stmts.upsert.run({ ...a, deleted: a.deleted ? 1 : 0 })
  }

  /** Applies a record from another install by the merge rule; says what it did. */
  merge(incoming: AnnotationRecord): MergeOutcome {
    const local = this.get(incoming.id)
    // The same id on another call is not an edit of this annotation but a damaged or hand-edited
    // file: refused (the import then refuses the whole file, naming the line), never moved.
    if (local && local.callId !== incoming.callId) {
      throw new AppError('INVALID_INPUT', `annotation ${incoming.id} belongs to call ${local.callId} here, not ${incoming.callId}; an annotation cannot move to another call`)
    }
    const outcome = mergeOutcome(incoming, local, content)
    if (outcome !== 'unchanged') this.put(incoming)
    return outcome
  }

  /** Labels in use starting with the prefix, most used first. */
  labelSuggestions(prefix: string): string[] {
    return this.stmts.labels.all(`${escapeLike(prefix)}%`).map((r) => r.label)
  }
}
