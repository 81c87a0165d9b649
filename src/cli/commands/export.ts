// earmark export --format csv|jsonl [filters] --out FILE
import { resolve } from 'node:path'
import { exportCalls } from '../../main/export/calls.export'
import { COMMON_FLAGS, FILTER_FLAGS, oneOf, parse, queryFromFlags, UsageError } from '../args'
import { resolvePaths, withStore } from '../context'
import type { CliIo } from '../io'

export async function exportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { ...FILTER_FLAGS, ...COMMON_FLAGS, format: { type: 'string' }, out: { type: 'string' } })
  if (values.help) {
    io.stdout('earmark export --format csv|jsonl [filters] --out FILE [--data-dir DIR]\n')
    return 0
  }
  if (positionals.length) throw new UsageError(`export takes no positional arguments (got "${positionals[0]}")`)
  const format = oneOf('format', values.format, ['csv', 'jsonl'] as const)
  if (!format) throw new UsageError('export needs --format csv or --format jsonl')
  if (!values.out) throw new UsageError('export needs --out FILE')
  const { limit: _limit, offset: _offset, ...query } = queryFromFlags(values)
  const out = resolve(values.out)
  const rows = await withStore(resolvePaths(values['data-dir'], io), (store) =>
    exportCalls(store.query, query, format, out, (n) => io.interactive && io.stderr(`\rexported ${n} calls`)),
  )
  if (io.interactive) io.stderr('\r')
  io.stdout(values.json ? JSON.stringify({ rows, file: out }) + '\n' : `Exported ${rows} calls to ${out}\n`)
  return 0
}
