// Exports what people wrote. JSONL is the exchange format (exchange.schema.ts): every record with
// its id, timestamps and tombstones, for import into another install. CSV is for spreadsheets: the
// live records only, one per row, with the annotated turn's current text and whether it is stale
// (both empty when the call's transcript is not in the cache: unknown, not "fine").
import { csvCell } from '../export/calls.export'
import { anchor } from './anchor'
import { byCall } from './transcripts.export'
import { EXCHANGE_FORMAT, EXCHANGE_VERSION } from './exchange.schema'
import { writeLines } from './fileOut'
import type { ReviewService } from './review.service'

export type ReviewExportFormat = 'jsonl' | 'csv'

export function* jsonlLines(review: ReviewService, now = Date.now()): Generator<string> {
  yield JSON.stringify({ type: 'header', format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, exportedAt: new Date(now).toISOString() })
  for (const r of review.rubrics.all()) yield JSON.stringify({ type: 'rubric', ...r })
  for (const a of review.annotations.all()) yield JSON.stringify({ type: 'annotation', ...a })
  for (const t of review.tags.all()) yield JSON.stringify({ type: 'tag', ...t })
  for (const s of review.scores.all()) yield JSON.stringify({ type: 'score', ...s })
  for (const s of review.status.all()) yield JSON.stringify({ type: 'status', ...s })
}

export const CSV_COLUMNS = [
  'record', 'call_id', 'id', 'kind', 'turn_index', 'start_s', 'end_s', 'text', 'label', 'turn_text', 'stale',
  'tag', 'status', 'rubric_id', 'rubric_name', 'rubric_version', 'total', 'raw_total', 'auto_failed', 'answers',
  'author', 'created_at', 'updated_at',
] as const
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], unknown>>

const iso = (ms: number) => new Date(ms).toISOString()
const row = (r: CsvRow) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(',')

export function* csvLines(review: ReviewService): Generator<string> {
  yield CSV_COLUMNS.join(',')
  // A call at a time: its transcript is read, and its turns hashed, once for all its annotations.
  for (const group of byCall(review.annotations.live())) {
    const transcript = review.transcript(group[0]!.callId)
    const views = anchor(group, transcript)
    for (const [i, a] of group.entries()) yield row({
      record: 'annotation', call_id: a.callId, id: a.id, kind: a.kind, turn_index: a.turnIndex, start_s: a.startS, end_s: a.endS,
      text: a.text, label: a.label, turn_text: a.turnIndex === null ? null : transcript?.[a.turnIndex]?.text, stale: transcript ? views[i]!.stale : null,
      author: a.author, created_at: iso(a.createdMs), updated_at: iso(a.updatedMs),
    })
  }
  for (const t of review.tags.all()) if (!t.deleted) yield row({ record: 'tag', call_id: t.callId, tag: t.tag, updated_at: iso(t.updatedMs) })
  const names = new Map([...review.rubrics.all()].map((r) => [`${r.id}@${r.version}`, r.name]))
  for (const s of review.scores.all()) {
    yield row({
      record: 'score', call_id: s.callId, id: s.id, rubric_id: s.rubricId, rubric_name: names.get(`${s.rubricId}@${s.rubricVersion}`),
      rubric_version: s.rubricVersion, total: s.total, raw_total: s.rawTotal, auto_failed: s.autoFailed, answers: JSON.stringify(s.answers),
      author: s.author, created_at: iso(s.createdMs), updated_at: iso(s.updatedMs),
    })
  }
  for (const s of review.status.all()) yield row({ record: 'status', call_id: s.callId, status: s.status, author: s.author, updated_at: iso(s.updatedMs) })
}

/** Writes the export; returns the number of records (lines after the header). */
export function exportReview(review: ReviewService, format: ReviewExportFormat, outFile: string): number {
  let lines = -1
  const counted = function* (source: Iterable<string>) {
    for (const line of source) {
      lines++
      yield line
    }
  }
  writeLines(outFile, counted(format === 'jsonl' ? jsonlLines(review) : csvLines(review)))
  return lines
}
