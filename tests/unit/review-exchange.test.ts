// Export and import of what people wrote: JSONL between two installs merges without duplicates
// (newer wins, deletions travel), a second import changes nothing, a corrupt or hand-edited file
// is refused naming the line and the problem with nothing half-imported; CSV for spreadsheets;
// annotated transcripts for training sets.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exportReview, jsonlLines } from '../../src/main/review/exchange.export'
import { importReview } from '../../src/main/review/exchange.import'
import { exportTranscripts } from '../../src/main/review/transcripts.export'
import { makeDetail } from '../support/calls'
import { LINES, RUBRIC, type World, worldsPerTest } from './review-fixtures'

const worlds = worldsPerTest()
const make = worlds.make
afterEach(worlds.cleanup)

/** Everything written about every call, for comparing two workspaces. */
const state = (w: World) => w.calls.map((c) => w.review.get(c.id))
const exported = (w: World) => [...jsonlLines(w.review)].join('\n') + '\n'
const rows = (w: World, table: string) => (w.store.workspace.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

function annotate(w: World) {
  const [a, b] = w.calls.map((c) => c.id)
  const rubric = w.review.saveRubric(RUBRIC)
  const note = w.review.saveAnnotation({ callId: a!, kind: 'comment', turnIndex: 2, text: 'Promised "tomorrow", then, nothing' })
  w.review.saveAnnotation({ callId: a!, kind: 'correction', turnIndex: 1, text: 'Where is my package?' })
  w.review.saveAnnotation({ callId: b!, kind: 'label', startS: 2, endS: 5.5, label: 'crosstalk', text: '' })
  w.review.setTags(a!, ['refund'])
  w.review.saveScore({ callId: a!, rubricId: rubric.id, rubricVersion: 1, answers: { greeting: true, accuracy: 3, compliance: true } })
  w.review.setStatus(a!, 'done')
  return { a: a!, b: b!, rubric, note }
}

describe('JSONL exchange', () => {
  it('imports into another install, and a second import changes nothing', () => {
    const from = make({ author: 'Ana' })
    annotate(from)
    const to = make({ author: 'Ben' })
    const first = importReview(to.review, exported(from))
    expect(first).toEqual({
      annotations: { added: 3, updated: 0, unchanged: 0 },
      tags: { added: 1, updated: 0, unchanged: 0 },
      rubrics: { added: 1, updated: 0, unchanged: 0 },
      scores: { added: 1, updated: 0, unchanged: 0 },
      statuses: { added: 1, updated: 0, unchanged: 0 },
    })
    expect(state(to)).toEqual(state(from))
    const second = importReview(to.review, exported(from))
    for (const counts of Object.values(second)) expect(counts).toMatchObject({ added: 0, updated: 0 })
    expect(state(to)).toEqual(state(from))
    // Importing its own export is a no-op too.
    expect(Object.values(importReview(from.review, exported(from))).every((c) => c.added + c.updated === 0)).toBe(true)
  })

  it('merges two installs both ways: newer edits win, deletions travel, nothing is duplicated', () => {
    const ana = make({ author: 'Ana', start: 1_800_000_000_000 })
    const ben = make({ author: 'Ben', start: 1_800_000_500_000 })
    const { a, note } = annotate(ana)
    importReview(ben.review, exported(ana))
    // Ben edits Ana's comment later and adds his own; Ana deletes her correction later still.
    ben.review.saveAnnotation({ id: note.id, callId: a, kind: 'comment', turnIndex: 2, text: 'Promised tomorrow: wrong' })
    ben.review.saveAnnotation({ callId: a, kind: 'comment', startS: 10, endS: 12, text: 'long pause' })
    ben.review.setStatus(a, 'flagged')
    const correction = ana.review.get(a).annotations.find((x) => x.kind === 'correction')!
    for (let i = 0; i < 600; i++) ana.review.setStatus(ana.calls[7]!.id, i % 2 ? 'done' : 'in_review') // Ana's clock passes Ben's
    ana.review.deleteAnnotation(correction.id)
    importReview(ana.review, exported(ben))
    importReview(ben.review, exported(ana))
    expect(state(ana)).toEqual(state(ben))
    const merged = ana.review.get(a)
    expect(merged.annotations.map((x) => x.text).sort()).toEqual(['Promised tomorrow: wrong', 'long pause'])
    expect(merged.status).toMatchObject({ status: 'flagged', author: 'Ben' })
    expect(rows(ana, 'annotations')).toBe(4)
    // An old export cannot bring the deleted correction back.
    expect(ana.review.annotations.get(correction.id)).toMatchObject({ deleted: true })
  })

  it('refuses a rubric version that differs between installs, and rolls back what it had applied', () => {
    const ana = make()
    const ben = make()
    annotate(ana)
    ana.review.saveRubric({ name: 'Second', items: [{ id: 'x', label: 'X', weight: 1, kind: 'passfail', autoFail: false }] })
    const file = exported(ana)
    // The rubric applied last clashes, so the one before it was already written when it fails.
    const lines = file.split('\n')
    const last = lines.findLastIndex((l) => l.includes('"type":"rubric"'))
    const clash = JSON.parse(lines[last]!) as { id: string; name: string }
    const mine = ben.review.saveRubric({ name: clash.name, items: [{ id: 'y', label: 'Y', weight: 2, kind: 'passfail', autoFail: true }] })
    ben.store.workspace.prepare('UPDATE rubrics SET id = ? WHERE id = ?').run(clash.id, mine.id)
    expect(() => importReview(ben.review, file)).toThrow(new RegExp(`^line ${last + 1}: rubric "${clash.name}" version 1 differs`))
    expect(rows(ben, 'rubrics')).toBe(1)
    expect(rows(ben, 'annotations') + rows(ben, 'call_tags') + rows(ben, 'scores') + rows(ben, 'review_status')).toBe(0)
  })

  describe('a corrupt or hand-edited file is refused, naming the line and the problem', () => {
    function file() {
      const w = make()
      annotate(w)
      return { w, lines: exported(w).trimEnd().split('\n') }
    }
    /** Edits the first line with this type (or containing this text), as a person would by hand. */
    const edit = (lines: string[], type: string, change: (r: Record<string, unknown>) => void) => {
      const i = lines.findIndex((l) => l.includes(`"type":"${type}"`) || l.includes(type))
      const record = JSON.parse(lines[i]!) as Record<string, unknown>
      change(record)
      lines[i] = JSON.stringify(record)
      return i + 1
    }

    it.each<[string, (lines: string[]) => [number, RegExp]]>([
      ['broken JSON', (l) => ((l[3] = l[3]!.slice(0, 40)), [4, /not valid JSON/])],
      ['an unknown kind', (l) => [edit(l, 'annotation', (r) => (r.kind = 'remark')), /annotation field kind: /]],
      ['a negative turn', (l) => [edit(l, 'annotation', (r) => (r.turnIndex = -1)), /annotation field turnIndex: /]],
      ['a range ending before it starts', (l) => [edit(l, '"kind":"label"', (r) => ((r.startS = 9), (r.endS = 1))), /field endS: endS must not be before startS/]],
      ['a bad call id', (l) => [edit(l, 'tag', (r) => (r.callId = '../etc')), /tag field callId: must be a call id/]],
      ['an edited total', (l) => [edit(l, 'score', (r) => (r.total = 99)), /score field total is 99 but the answers give 87\.5/]],
      ['an answer off the scale', (l) => [edit(l, 'score', (r) => (r.answers = { accuracy: 9 })), /accuracy" is a 0\.\.4 scale/]],
      ['an unknown field', (l) => [edit(l, 'status', (r) => (r.reviewer = 'x')), /status field \(record\): Unrecognized key: "reviewer"/]],
      ['an unknown status', (l) => [edit(l, 'status', (r) => (r.status = 'approved')), /status field status: /]],
      ['an unknown record type', (l) => ((l[2] = '{"type":"note"}'), [3, /unknown record type "note"/])],
      ['a missing header', (l) => (l.shift(), [1, /first line must be its header/])],
      ['a calls export instead', (l) => (l.splice(0, l.length, '{"id":"CALL-1","status":"completed"}'), [1, /not an Earmark review export/])],
      ['binary garbage', (l) => (l.splice(0, l.length, 'PK\u0003\u0004\u0000\u0000garbage'), [1, /not valid JSON/])],
      ['a second header (two files joined)', (l) => (l.push(l[0]!), [l.length, /a second header/])],
      ['a newer format', (l) => [edit(l, 'header', (r) => (r.version = 2)), /newer Earmark/]],
    ])('%s', (_label, corrupt) => {
      const { lines } = file()
      const [line, problem] = corrupt(lines)
      const to = make()
      let message = ''
      try {
        importReview(to.review, lines.join('\n'))
      } catch (err) {
        message = (err as Error).message
      }
      expect(message).toMatch(new RegExp(`^line ${line}: `))
      expect(message).toMatch(problem)
      expect(rows(to, 'annotations') + rows(to, 'call_tags') + rows(to, 'rubrics') + rows(to, 'scores') + rows(to, 'review_status')).toBe(0)
    })
  })
})

describe('CSV and transcript exports', () => {
  it('CSV has a header, quotes text with commas, quotes and line breaks, and shows staleness', () => {
    const w = make()
    const { a } = annotate(w)
    w.review.saveAnnotation({ callId: a, kind: 'comment', turnIndex: 0, text: 'line one\nline two' })
    w.review.saveAnnotation({ callId: a, kind: 'comment', startS: 0, endS: 1, text: '=HYPERLINK("x")' })
    w.sync([makeDetail(w.calls[0]!, ['Hi, Delivery here.', ...LINES.slice(1)])])
    const out = join(w.paths.root, 'review.csv')
    expect(exportReview(w.review, 'csv', out)).toBe(8)
    const text = readFileSync(out, 'utf8')
    expect(text.split('\n')[0]).toBe('record,call_id,id,kind,turn_index,start_s,end_s,text,label,turn_text,stale,tag,status,rubric_id,rubric_name,rubric_version,total,raw_total,auto_failed,answers,author,created_at,updated_at')
    expect(text).toContain('"Promised ""tomorrow"", then, nothing",,It arrives tomorrow before noon.,false')
    expect(text).toContain('"line one\nline two",,"Hi, Delivery here.",true')
    expect(text).toContain(`"'=HYPERLINK(""x"")"`)
    expect(text).toContain(',87.5,87.5,false,"{""accuracy"":3,""compliance"":true,""greeting"":true}",Ana,')
  })

  it('annotated transcripts apply corrections and labels, and skip stale and unsynced ones', () => {
    const w = make()
    const { a, b } = annotate(w)
    w.review.saveAnnotation({ callId: a, kind: 'label', turnIndex: 3, label: 'polite close', text: '' })
    w.review.saveAnnotation({ callId: a, kind: 'correction', turnIndex: 0, text: 'Hello, Delivery speaking.' })
    w.review.saveAnnotation({ callId: 'CALL-not-synced', kind: 'comment', startS: 0, endS: 1, text: 'x' })
    w.sync([makeDetail(w.calls[0]!, [LINES[0]!, LINES[1]!, LINES[2]!, 'Thank you, goodbye.'])])
    const out = join(w.paths.root, 'train.jsonl')
    expect(exportTranscripts(w.review, out)).toEqual({ calls: 2, skipped: 1, stale: 1 })
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { callId: string; turns: unknown[]; ranges: unknown[] })
    const first = lines.find((l) => l.callId === a)!
    expect(first).toMatchObject({ status: 'done', tags: ['refund'], scores: [{ total: 87.5, autoFailed: false }] })
    expect(first.turns).toEqual([
      { index: 0, role: 'agent', text: 'Hello, Delivery speaking.', originalText: LINES[0], corrected: true, labels: [], comments: [] },
      { index: 1, role: 'user', text: 'Where is my package?', originalText: LINES[1], corrected: true, labels: [], comments: [] },
      { index: 2, role: 'agent', text: LINES[2], corrected: false, labels: [], comments: ['Promised "tomorrow", then, nothing'] },
      { index: 3, role: 'user', text: 'Thank you, goodbye.', corrected: false, labels: [], comments: [] },
    ])
    expect(lines.find((l) => l.callId === b)!.ranges).toEqual([{ kind: 'label', startS: 2, endS: 5.5, label: 'crosstalk', text: '' }])
    writeFileSync(out, '')
  })
})
