// earmark annotations export/import in-process against real data folders: files written, counts
// printed, a second import changing nothing, exit 1 naming the line of a bad file, exit 2 on usage.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportSummary } from '@shared/review'
import { runCli } from '../../src/cli/main'
import type { CliIo } from '../../src/cli/io'
import { RUBRIC, type World, worldsPerTest } from './review-fixtures'

const worlds = worldsPerTest()
const make = worlds.make
afterEach(worlds.cleanup)

async function cli(w: World, ...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { EARMARK_DATA_DIR: w.paths.root }, interactive: false }
  const code = await runCli(argv, io)
  return { code, stdout, stderr }
}

/** A data folder with some review work, its store closed so the CLI opens it as the app would. */
function annotated() {
  const w = make()
  const [a, b] = w.calls.map((c) => c.id)
  w.review.saveAnnotation({ callId: a!, kind: 'correction', turnIndex: 1, text: 'Where is my package?' })
  w.review.saveAnnotation({ callId: b!, kind: 'comment', startS: 1, endS: 2, text: 'agent talks over, the caller' })
  w.review.setTags(a!, ['refund'])
  w.review.setStatus(a!, 'done')
  const r = w.review.saveRubric(RUBRIC)
  w.review.saveScore({ callId: a!, rubricId: r.id, rubricVersion: 1, answers: { greeting: true, accuracy: 4, compliance: true } })
  w.close()
  return w
}

describe('earmark annotations', () => {
  it('exports JSONL that another data folder imports once; the second import changes nothing', async () => {
    const from = annotated()
    const file = join(from.paths.root, 'review.jsonl')
    const out = await cli(from, 'annotations', 'export', '--format', 'jsonl', '--out', file, '--json')
    expect(out).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(out.stdout)).toEqual({ records: 6, file })
    expect(readFileSync(file, 'utf8').split('\n')[0]).toContain('"format":"earmark-review"')

    const to = make()
    to.close()
    const first = await cli(to, 'annotations', 'import', file, '--json')
    expect(first.code).toBe(0)
    const counts = JSON.parse(first.stdout) as ImportSummary
    expect(counts.annotations).toEqual({ added: 2, updated: 0, unchanged: 0 })
    const second = await cli(to, 'annotations', 'import', file)
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('annotations  0 added, 0 updated, 2 unchanged')
    expect(second.stdout).not.toMatch(/[1-9]\d* (added|updated)/)
  })

  it('exports CSV and annotated transcripts', async () => {
    const w = annotated()
    const csv = join(w.paths.root, 'review.csv')
    expect((await cli(w, 'annotations', 'export', '--format', 'csv', '--out', csv)).stdout).toBe(`Exported 5 records to ${csv}\n`)
    const text = readFileSync(csv, 'utf8')
    expect(text.startsWith('record,call_id,id,kind,')).toBe(true)
    expect(text).toContain('"agent talks over, the caller"')
    const train = join(w.paths.root, 'train.jsonl')
    const res = await cli(w, 'annotations', 'export', '--transcripts', '--out', train)
    expect(res.stdout).toBe(`Exported 2 annotated transcripts to ${train}\n`)
    const first = JSON.parse(readFileSync(train, 'utf8').split('\n')[0]!) as { turns: { text: string; corrected: boolean }[] }
    expect(first.turns[1]).toMatchObject({ text: 'Where is my package?', corrected: true })
  })

  it('refuses a hand-edited file with exit 1 naming the line, and imports none of it', async () => {
    const from = annotated()
    const file = join(from.paths.root, 'review.jsonl')
    await cli(from, 'annotations', 'export', '--format', 'jsonl', '--out', file)
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n')
    const i = lines.findIndex((l) => l.includes('"type":"status"'))
    lines[i] = lines[i]!.replace('"done"', '"finished"')
    writeFileSync(file, lines.join('\n'))
    const to = make()
    to.close()
    const res = await cli(to, 'annotations', 'import', file)
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(new RegExp(`^earmark: line ${i + 1}: status field status: `))
    const after = await cli(to, 'annotations', 'export', '--format', 'jsonl', '--out', join(to.paths.root, 'after.jsonl'), '--json')
    expect(JSON.parse(after.stdout)).toMatchObject({ records: 0 })
  })

  it.each([
    [['annotations'], 2, /earmark annotations export/],
    [['annotations', 'publish'], 2, /unknown annotations action "publish"/],
    [['annotations', 'export', '--out', 'x.jsonl'], 2, /needs --format jsonl or --format csv/],
    [['annotations', 'export', '--format', 'xml', '--out', 'x'], 2, /--format must be one of jsonl, csv/],
    [['annotations', 'export', '--format', 'csv', '--transcripts', '--out', 'x'], 2, /--transcripts writes JSONL only/],
    [['annotations', 'export', '--format', 'jsonl'], 2, /needs --out FILE/],
    [['annotations', 'import'], 2, /needs exactly one FILE/],
    [['annotations', 'import', '/no/such/file.jsonl'], 1, /cannot read \/no\/such\/file\.jsonl: ENOENT/],
  ])('%j exits %i', async (argv, code, message) => {
    const w = make()
    w.close()
    const res = await cli(w, ...argv)
    expect(res.code).toBe(code)
    expect(res.stdout + res.stderr).toMatch(message)
  })
})
