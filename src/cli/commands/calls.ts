// earmark calls [filters] [--json]  and  earmark search <text> [--limit N] [--json]
import { COMMON_FLAGS, FILTER_FLAGS, parse, queryFromFlags, UsageError } from '../args'
import { resolvePaths, withStore } from '../context'
import { callTable } from '../format'
import type { CliIo } from '../io'

export const CALLS_HELP = `earmark calls [filters] [--limit N] [--offset N] [--json] [--data-dir DIR]

Filters: --status a,b  --type a,b  --reason a,b  --agent ID,..  --campaign ID,..
         --from DATE  --to DATE  --min-duration S  --max-duration S  --min-cost C  --max-cost C
         --min-latency MS  --max-latency MS  --has-recording yes|no  --test yes|no
         --disposition identifier=value[,value]  (repeatable)  --text WORDS
Sorting: --sort createdAt|updatedAt|duration|cost|latency|status|type|agent|from|to|reason|id  --order asc|desc
`

export async function callsCommand(argv: string[], io: CliIo, mode: 'calls' | 'search'): Promise<number> {
  const { values, positionals } = parse(argv, { ...FILTER_FLAGS, ...COMMON_FLAGS })
  if (values.help) {
    io.stdout(mode === 'calls' ? CALLS_HELP : 'earmark search <text> [--limit N] [filters] [--json] [--data-dir DIR]\n')
    return 0
  }
  if (mode === 'search') {
    if (positionals.length === 0 || positionals.join(' ').trim() === '') throw new UsageError('search needs the text to look for, e.g. earmark search refund')
    values.text = positionals.join(' ')
  } else if (positionals.length) {
    throw new UsageError(`calls takes no positional arguments (got "${positionals[0]}")`)
  }
  const query = { limit: 50, ...queryFromFlags(values) }
  const page = await withStore(resolvePaths(values['data-dir'], io), (store) => store.query.list(query))
  io.stdout(values.json ? JSON.stringify(page) + '\n' : callTable(page.rows, page.total))
  return 0
}
