// earmark sync: the same sync engine as the desktop app, headless.
import type { SyncProgress } from '@shared/sync'
import { AtomsClient } from '../../main/atoms/client'
import { RecordingService } from '../../main/media/recordings.service'
import { SyncEngine, describe } from '../../main/sync/syncEngine'
import { COMMON_FLAGS, number, oneOf, parse, UsageError } from '../args'
import { resolvePaths, withStore } from '../context'
import { progressLine } from '../format'
import type { CliIo } from '../io'

export const SYNC_HELP = `earmark sync [--api-key KEY] [--base-url URL] [--data-dir DIR] [--details all|none]
             [--recordings none|all] [--since DATE] [--rate N] [--json]

The API key comes from --api-key or EARMARK_API_KEY (the desktop app's stored key is encrypted
for the app alone). --rate is the number of API requests per second (default 8).
`

export async function syncCommand(argv: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  const { values, positionals } = parse(argv, {
    ...COMMON_FLAGS,
    'api-key': { type: 'string' },
    'base-url': { type: 'string' },
    details: { type: 'string' },
    recordings: { type: 'string' },
    since: { type: 'string' },
    rate: { type: 'string' },
  })
  if (values.help) {
    io.stdout(SYNC_HELP)
    return 0
  }
  if (positionals.length) throw new UsageError(`sync takes no positional arguments (got "${positionals[0]}")`)
  const apiKey = values['api-key'] ?? io.env.EARMARK_API_KEY
  if (!apiKey) throw new UsageError('sync needs an API key: pass --api-key or set EARMARK_API_KEY')
  const details = oneOf('details', values.details, ['all', 'none'] as const) ?? 'all'
  const recordings = oneOf('recordings', values.recordings, ['none', 'all'] as const) ?? 'none'
  const rate = number('rate', values.rate, { min: 0.1 })
  let since: string | null = null
  if (values.since !== undefined) {
    if (Number.isNaN(Date.parse(values.since))) throw new UsageError(`--since must be a date like 2026-11-01, not "${values.since}"`)
    since = new Date(values.since).toISOString()
  }
  const baseUrl = values['base-url'] ?? io.env.EARMARK_BASE_URL
  const client = new AtomsClient({ apiKey, ...(baseUrl ? { baseUrl } : {}), ...(rate ? { requestsPerSecond: rate } : {}) })
  const paths = resolvePaths(values['data-dir'], io)
  const summary = await withStore(paths, async (store) => {
    const engine = new SyncEngine(client, store, new RecordingService(client, store, paths.recordings))
    const draw = (p: SyncProgress) => p.running && io.stderr(`\r\x1b[2K${progressLine(p)}`)
    const off = io.interactive ? engine.onProgress(draw) : () => {}
    const cancel = () => engine.cancel()
    signal.addEventListener('abort', cancel)
    try {
      return await engine.run({ details, recordings, since })
    } finally {
      off()
      signal.removeEventListener('abort', cancel)
      if (io.interactive) io.stderr('\r\x1b[2K')
    }
  })
  io.stdout(values.json ? JSON.stringify(summary) + '\n' : `Sync finished: ${describe(summary)} (${(summary.durationMs / 1000).toFixed(1)} s)\n`)
  return 0
}
