// Scores: one per call and rubric. Saving again updates the same row (same id, newer time); a
// score from another install for the same call and rubric replaces ours only when it is newer.
import type { Answer, Score } from '@shared/review'
import type { Db } from '../store/db'
import { mergeOutcome, type MergeOutcome } from './merge'

interface Row {
  id: string
  call_id: string
  rubric_id: string
  rubric_version: number
  answers_json: string
  total: number | null
  raw_total: number | null
  auto_failed: number
  complete: number
  author: string
  created_ms: number
  updated_ms: number
}

const toScore = (r: Row): Score => ({
  id: r.id,
  callId: r.call_id,
  rubricId: r.rubric_id,
  rubricVersion: r.rubric_version,
  answers: JSON.parse(r.answers_json) as Record<string, Answer>,
  total: r.total,
  rawTotal: r.raw_total,
  autoFailed: r.auto_failed === 1,
  complete: r.complete === 1,
  author: r.author,
  createdMs: r.created_ms,
  updatedMs: r.updated_ms,
})

/** Answers in item-id order, so the same answers always give the same content. */
const sortedAnswers = (a: Record<string, Answer>) => Object.fromEntries(Object.entries(a).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
const content = (s: Score) =>
  JSON.stringify([s.id, s.callId, s.rubricId, s.rubricVersion, sortedAnswers(s.answers), s.total, s.rawTotal, s.autoFailed, s.complete, s.author, s.createdMs, s.updatedMs])

export class ScoresRepo {
  private readonly stmts

  constructor(db: Db) {
    this.stmts = {
      ofCall: db.prepare<[string], Row>('SELECT * FROM scores WHERE call_id = ? ORDER BY updated_ms DESC, id'),
      byKey: db.prepare<[string, string], Row>('SELECT * FROM scores WHERE call_id = ? AND rubric_id = ?'),
      all: db.prepare<[], Row>('SELECT * FROM scores ORDER BY call_id, rubric_id'),
      remove: db.prepare('DELETE FROM scores WHERE call_id = ? AND rubric_id = ?'),
      insert: db.prepare(`INSERT INTO scores (id, call_id, rubric_id, rubric_version, answers_json, total, raw_total, auto_failed, complete, author, created_ms, updated_ms)
        VALUES (@id, @callId, @rubricId, @rubricVersion, @answers, @total, @rawTotal, @autoFailed, @complete, @author, @createdMs, @updatedMs)`),
    }
  }

  ofCall(callId: string): Score[] {
    return this.stmts.ofCall.all(callId).map(toScore)
  }

  find(callId: string, rubricId: string): Score | null {
    const row = this.stmts.byKey.get(callId, rubricId)
    return row ? toScore(row) : null
  }

  *all(): Generator<Score> {
    for (const row of this.stmts.all.iterate()) yield toScore(row)
  }

  /** Writes the call's score for this rubric (replacing the one there: the id may differ on a merge). */
  put(s: Score): void {
    this.stmts.remove.run(s.callId, s.rubricId)
    this.stmts.insert.run({ ...s, answers: JSON.stringify(sortedAnswers(s.answers)), autoFailed: s.autoFailed ? 1 : 0, complete: s.complete ? 1 : 0 })
  }

  merge(incoming: Score): MergeOutcome {
    const local = this.find(incoming.callId, incoming.rubricId)
    const outcome = mergeOutcome(incoming, local, content)
    if (outcome !== 'unchanged') this.put(incoming)
    return outcome
  }
}
