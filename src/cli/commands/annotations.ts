// earmark annotations export --format jsonl|csv --out FILE [--transcripts]
// earmark annotations import FILE
// What people wrote (annotations, tags, scorecards, scores, review status) out of and into the
// workspace. An import is all or nothing: a bad line refuses the file (exit 1) naming the line.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { AppError } from '@shared/errors'
import type { ImportSummary } from '@shared/review'
import { exportReview } from '../../main/review/exchange.export'
import { importReview } from '../../main/review/exchange.import'
import { ReviewService } from '../../main/review/review.service'
import { exportTranscripts } from '../../main/review/transcripts.export'
import { SettingsRepo } from '../../main/store/settings.repo'
import type { Store } from '../../main/store/store'
import { ViewsRepo } from '../../main/store/views.repo'
import { COMMON_FLAGS, oneOf, parse, UsageError } from '../args'
import { resolvePaths, withStore } from '../context'
import type { CliIo } from '../io'

export const ANNOTATIONS_HELP = `earmark annotations export --format jsonl|csv --out FILE [--transcripts]
  JSONL carries every record with its id and time, for import into another install; CSV is one
  row per annotation, tag, score or status, for spreadsheets. --transcripts writes instead one
  JSONL line per annotated call: its turns with corrections applied, labels and comments.
earmark annotations import FILE
  Merges another install's JSONL export: records are matched by id, the newer copy wins, and
  importing the same file again changes nothing. A bad line refuses the whole file.
`

const review = (store: Store) =>
  new ReviewService({ workspace: store.workspace, query: store.query, views: new ViewsRepo(store.workspace), author: () => new SettingsRepo(store.workspace).get().reviewerName })

export async function annotationsCommand(argv: string[], io: CliIo): Promise<number> {
  const [action, ...rest] = argv
  if (action === 'export') return exportAction(rest, io)
  if (action === 'import') return importAction(rest, io)
  if (action === undefined || action === '--help' || action === '-h' || action === 'help') {
    io.stdout(ANNOTATIONS_HELP)
    return action === undefined ? 2 : 0
  }
  throw new UsageError(`unknown annotations action "${action}" (try: export, import)`)
}

async function exportAction(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON_FLAGS, format: { type: 'string' }, out: { type: 'string' }, transcripts: { type: 'boolean' } })
  if (values.help) {
    io.stdout(ANNOTATIONS_HELP)
    return 0
  }
  if (positionals.length) throw new UsageError(`annotations export takes no positional arguments (got "${positionals[0]}")`)
  const format = oneOf('format', values.format, ['jsonl', 'csv'] as const) ?? (values.transcripts ? 'jsonl' : undefined)
  if (!format) throw new UsageError('annotations export needs --format jsonl or --format csv')
  if (values.transcripts && format !== 'jsonl') throw new UsageError('--transcripts writes JSONL only (drop --format csv)')
  if (!values.out) throw new UsageError('annotations export needs --out FILE')
  const out = resolve(values.out)
  await withStore(resolvePaths(values['data-dir'], io), (store) => {
    if (values.transcripts) {
      const counts = exportTranscripts(review(store), out)
      const skipped = counts.skipped ? `; ${counts.skipped} annotated calls skipped: their transcripts are not synced yet` : ''
      const stale = counts.stale ? `; ${counts.stale} annotations not applied: their turns changed since` : ''
      io.stdout(values.json ? JSON.stringify({ ...counts, file: out }) + '\n' : `Exported ${counts.calls} annotated transcripts to ${out}${skipped}${stale}\n`)
      return
    }
    const records = exportReview(review(store), format, out)
    io.stdout(values.json ? JSON.stringify({ records, file: out }) + '\n' : `Exported ${records} records to ${out}\n`)
  })
  return 0
}

async function importAction(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON_FLAGS })
  if (values.help) {
    io.stdout(ANNOTATIONS_HELP)
    return 0
  }
  if (positionals.length !== 1) throw new UsageError('annotations import needs exactly one FILE')
  const file = resolve(positionals[0]!)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new AppError('INVALID_INPUT', `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  const summary = await withStore(resolvePaths(values['data-dir'], io), (store) => importReview(review(store), text))
  io.stdout(values.json ? JSON.stringify(summary) + '\n' : describe(summary, file))
  return 0
}

function describe(s: ImportSummary, file: string): string {
  const lines = Object.entries(s).map(([kind, c]) => `  ${kind.padEnd(12)} ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged`)
  return `Imported ${file}\n${lines.join('\n')}\n`
}
