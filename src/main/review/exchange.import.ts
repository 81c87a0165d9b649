// Imports a review export (JSONL) from this or another install. Every line is parsed and checked
// first (JSON, schema, rubric references, score totals against the rubric); any problem refuses
// the whole file with the line number and what is wrong. Only then are the records merged, in one
// transaction, by their stable ids with the newer copy winning: importing a file twice changes
// nothing the second time, and a failure half-way leaves the workspace as it was.
import { AppError } from '@shared/errors'
import type { ImportSummary, Rubric } from '@shared/review'
import type { Db } from '../store/db'
import type { AnnotationsRepo } from './annotations.repo'
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, RECORD_TYPES, recordSchemas, type ExchangeRecord, type RecordType } from './exchange.schema'
import type { MergeOutcome } from './merge'
import type { RubricsRepo } from './rubrics.repo'
import type { ScoresRepo } from './scores.repo'
import { answerProblem, computeScore } from './scoring'
import type { StatusRepo } from './status.repo'
import type { TagsRepo } from './tags.repo'

export interface ImportTarget {
  workspace: Db
  annotations: AnnotationsRepo
  tags: TagsRepo
  rubrics: RubricsRepo
  scores: ScoresRepo
  status: StatusRepo
}

type Numbered = { line: number; record: ExchangeRecord }

const refuse = (line: number, problem: string) => new AppError('INVALID_INPUT', `line ${line}: ${problem}`)

function parseLine(text: string, line: number, first: boolean): ExchangeRecord {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw refuse(line, `not valid JSON (${(err as Error).message})`)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw refuse(line, 'expected a JSON object')
  const type = (json as { type?: unknown }).type
  // A calls export or any other JSONL is told apart from a damaged review export.
  if (first && type !== 'header') {
    throw refuse(line, `not an Earmark review export: the first line must be its header ({"type":"header","format":"${EXCHANGE_FORMAT}",...})`)
  }
  if (typeof type !== 'string' || !(RECORD_TYPES as readonly string[]).includes(type)) {
    throw refuse(line, `unknown record type ${JSON.stringify(type ?? null)} (expected one of ${RECORD_TYPES.join(', ')})`)
  }
  const parsed = recordSchemas[type as RecordType].safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const field = issue.path.length ? issue.path.map(String).join('.') : '(record)'
    throw refuse(line, `${type} field ${field}: ${issue.message}`)
  }
  return parsed.data
}

/** Parses the whole file; throws naming the first bad line. */
export function parseExport(text: string): Numbered[] {
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  const out: Numbered[] = []
  lines.forEach((raw, i) => {
    const body = raw.trim()
    if (body === '') return
    const record = parseLine(body, i + 1, out.length === 0)
    if (record.type === 'header') {
      if (out.length > 0) throw refuse(i + 1, 'a second header: files must be imported one at a time, not joined')
      if (record.version > EXCHANGE_VERSION) throw refuse(i + 1, `written by a newer Earmark (format version ${record.version}, this one reads ${EXCHANGE_VERSION}); update Earmark to import it`)
    }
    out.push({ line: i + 1, record })
  })
  if (out.length === 0) throw refuse(1, 'the file is empty')
  return out
}

/** Scores must name a rubric version (in the file or the workspace) and agree with its arithmetic. */
function checkScores(records: Numbered[], rubrics: RubricsRepo): void {
  const inFile = new Map<string, Rubric>()
  for (const { record } of records) if (record.type === 'rubric') inFile.set(`${record.id}@${record.version}`, { ...record })
  for (const { line, record: s } of records) {
    if (s.type !== 'score') continue
    const rubric = inFile.get(`${s.rubricId}@${s.rubricVersion}`) ?? rubrics.get(s.rubricId, s.rubricVersion)
    if (!rubric) throw refuse(line, `score of ${s.callId} refers to rubric ${s.rubricId} version ${s.rubricVersion}, which is neither in this file nor in this workspace`)
    const problem = answerProblem(rubric, s.answers)
    if (problem) throw refuse(line, `score field answers: ${problem}`)
    const c = computeScore(rubric, s.answers)
    for (const key of ['total', 'rawTotal', 'autoFailed', 'complete'] as const) {
      if (c[key] !== s[key]) throw refuse(line, `score field ${key} is ${JSON.stringify(s[key])} but the answers give ${JSON.stringify(c[key])} with rubric "${rubric.name}" version ${rubric.version}`)
    }
  }
}

const empty = (): ImportSummary => ({
  annotations: { added: 0, updated: 0, unchanged: 0 },
  tags: { added: 0, updated: 0, unchanged: 0 },
  rubrics: { added: 0, updated: 0, unchanged: 0 },
  scores: { added: 0, updated: 0, unchanged: 0 },
  statuses: { added: 0, updated: 0, unchanged: 0 },
})

export function importReview(target: ImportTarget, text: string): ImportSummary {
  const records = parseExport(text)
  checkScores(records, target.rubrics)
  const summary = empty()
  const count = (kind: keyof ImportSummary, outcome: MergeOutcome) => summary[kind][outcome]++
  // Rubrics first: scores point at them (a foreign key), wherever they sit in the file.
  const ordered = [...records.filter((r) => r.record.type === 'rubric'), ...records.filter((r) => r.record.type !== 'rubric')]
  // Immediate: each merge reads then writes; in a deferred transaction a write by the app in
  // between would fail the import with a busy snapshot. Taking the write lock first makes the
  // other writer wait (busy_timeout) instead.
  target.workspace.transaction(() => {
    for (const { line, record } of ordered) {
      try {
        apply(target, record, count)
      } catch (err) {
        const why = err instanceof AppError ? err.message : `the workspace refused it (${(err as Error).message})`
        throw refuse(line, why)
      }
    }
  }).immediate()
  return summary
}

function apply(t: ImportTarget, r: ExchangeRecord, count: (kind: keyof ImportSummary, o: MergeOutcome) => void): void {
  switch (r.type) {
    case 'header':
      return
    case 'rubric': {
      const { type: _t, ...rubric } = r
      return count('rubrics', t.rubrics.merge(rubric))
    }
    case 'annotation': {
      const { type: _t, ...a } = r
      return count('annotations', t.annotations.merge(a))
    }
    case 'tag': {
      const { type: _t, ...tag } = r
      return count('tags', t.tags.merge(tag))
    }
    case 'score': {
      const { type: _t, ...score } = r
      return count('scores', t.scores.merge(score))
    }
    case 'status': {
      const { type: _t, ...status } = r
      return count('statuses', t.status.merge(status))
    }
  }
}
