// The earmark command: sync, calls, show, search, export and align over the same services as the app.
// Exit codes: 0 ok, 1 error (bad key, host unreachable, ...), 2 bad usage.
import { AppError } from '@shared/errors'
import { ALIGN_HELP, alignCommand } from './commands/align'
import { ANNOTATIONS_HELP, annotationsCommand } from './commands/annotations'
import { setLogSink } from '../main/log'
import { UsageError } from './args'
import { callsCommand, CALLS_HELP } from './commands/calls'
import { exportCommand } from './commands/export'
import { showCommand } from './commands/show'
import { SYNC_HELP, syncCommand } from './commands/sync'
import { processIo, type CliIo } from './io'

const HELP = `earmark — the Earmark command line

  earmark sync      download calls from the Atoms API into the local cache
  earmark calls     list cached calls with filters
  earmark show ID   one call with its transcript
  earmark search T  full-text search over transcripts, summaries, ids and phone numbers
  earmark export    write calls as CSV or JSONL
  earmark align ID  where each turn is heard in the recording, and which channel is the agent
  earmark annotations export|import   annotations, tags, scores and review status as JSONL or CSV

Add --help to a command for its flags. Data folder: --data-dir or EARMARK_DATA_DIR, else the
desktop app's own.

${SYNC_HELP}
${CALLS_HELP}
${ALIGN_HELP}
${ANNOTATIONS_HELP}`

export async function runCli(argv: string[], io: CliIo, signal: AbortSignal = new AbortController().signal): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'sync':
        return await syncCommand(rest, io, signal)
      case 'calls':
        return await callsCommand(rest, io, 'calls')
      case 'search':
        return await callsCommand(rest, io, 'search')
      case 'show':
        return await showCommand(rest, io)
      case 'export':
        return await exportCommand(rest, io)
      case 'align':
        return await alignCommand(rest, io)
      case 'annotations':
        return await annotationsCommand(rest, io)
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout(HELP)
        return command === undefined ? 2 : 0
      default:
        throw new UsageError(`unknown command "${command}" (try: sync, calls, show, search, export, align, annotations)`)
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`earmark: ${err.message}\n`)
      return 2
    }
    if (err instanceof AppError) {
      io.stderr(`earmark: ${err.message}\n`)
      return 1
    }
    io.stderr(`earmark: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`)
    return 1
  }
}

/** Runs the process's own command line. Log lines reach stderr only with EARMARK_LOG=debug. */
export async function startCli(): Promise<void> {
  if (process.env.EARMARK_LOG !== 'debug') setLogSink(() => {}, 'info')
  const abort = new AbortController()
  process.once('SIGINT', () => abort.abort())
  process.once('SIGTERM', () => abort.abort())
  process.exitCode = await runCli(process.argv.slice(2), processIo(), abort.signal)
}

if (process.argv[1] && import.meta.filename === process.argv[1]) void startCli()
