// earmark align <callId>: where each turn of a call is heard in its recording, and which stereo
// channel is the agent. Downloads the recording (and the transcript) first when a key is given.
import { AppError } from '@shared/errors'
import type { Alignment } from '@shared/media'
import { AtomsClient } from '../../main/atoms/client'
import { MediaService, turnStamps } from '../../main/media/media.service'
import { mediaSchemeUrls } from '../../main/media/mediaUrls'
import { NO_API } from '../../main/media/noApi'
import { RecordingService } from '../../main/media/recordings.service'
import { SettingsRepo } from '../../main/store/settings.repo'
import type { Store } from '../../main/store/store'
import { DetailQueue } from '../../main/sync/detailQueue'
import { COMMON_FLAGS, oneOf, parse, UsageError } from '../args'
import { resolvePaths, withStore } from '../context'
import type { CliIo } from '../io'

export const ALIGN_HELP = `earmark align <callId> [--data-dir DIR] [--json] [--agent-channel auto|0|1]
              [--api-key KEY] [--base-url URL]

Prints which stereo channel is the agent (0 or 1) and each turn's start and end in the recording,
in seconds, with a confidence from 0 to 1. The recording is downloaded first when it is not on disk
(the key comes from --api-key or EARMARK_API_KEY). --agent-channel fixes the agent's channel for
this call (remembered, as in the app); auto goes back to detecting it.
`

export async function alignCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON_FLAGS, 'api-key': { type: 'string' }, 'base-url': { type: 'string' }, 'agent-channel': { type: 'string' } })
  if (values.help) {
    io.stdout(ALIGN_HELP)
    return 0
  }
  const [id, extra] = positionals
  if (!id || extra) throw new UsageError('align needs exactly one call id, e.g. earmark align CALL-1767268800123-9f3a2c')
  const channel = oneOf('agent-channel', values['agent-channel'], ['auto', '0', '1'] as const)
  const apiKey = values['api-key'] ?? io.env.EARMARK_API_KEY
  const paths = resolvePaths(values['data-dir'], io)
  const { alignment, roles } = await withStore(paths, async (store) => {
    const settings = new SettingsRepo(store.workspace)
    const baseUrl = values['base-url'] ?? io.env.EARMARK_BASE_URL ?? settings.get().baseUrl
    const api = apiKey ? new AtomsClient({ apiKey, baseUrl }) : NO_API
    if (!store.query.get(id)) throw new AppError('NOT_FOUND', `Call ${id} is not in the local cache. Run \`earmark sync\` first, or check the id.`)
    const recordings = new RecordingService(api, store, paths.recordings)
    const media = new MediaService({
      store,
      recordings: () => recordings,
      onDisk: recordings,
      settings: () => settings.get(),
      urls: mediaSchemeUrls,
      // The transcript too, when it is not cached: the service asks for it beside the recording.
      ...(apiKey ? { fetchDetail: (callId: string) => new DetailQueue(api, store).fetchNow(callId) } : {}),
    })
    if (channel) await media.setAgentChannel(id, channel === 'auto' ? 'auto' : (Number(channel) as 0 | 1))
    const info = await media.open(id)
    if (info.recording.state !== 'ready') io.stderr(`earmark: ${info.recording.message}\n`)
    return { alignment: info.alignment, roles: rolesOf(store, id) }
  })
  io.stdout(values.json ? JSON.stringify(asJson(id, alignment, roles)) + '\n' : report(alignment, roles))
  return 0
}

function rolesOf(store: Store, id: string): Map<number, string> {
  return new Map(turnStamps(store.query.get(id)!.call).map((t) => [t.index, t.role]))
}

function asJson(callId: string, a: Alignment, roles: Map<number, string>) {
  const { speech: _speech, turns, ...rest } = a
  return { callId, ...rest, turns: turns.map((t) => ({ ...t, role: roles.get(t.index) ?? 'unknown' })) }
}

const sec = (s: number) => s.toFixed(2).padStart(8)

function report(a: Alignment, roles: Map<number, string>): string {
  const channel = a.agentChannel === null ? 'none (no dual recording)' : `${a.agentChannel} (${a.channelSource})`
  const lines = [`Agent channel: ${channel}`, `Method: ${a.method}, confidence ${a.confidence.toFixed(2)}`]
  if (a.note) lines.push(a.note)
  lines.push('', '  turn  role        start      end   confidence')
  for (const t of a.turns) lines.push(`  ${String(t.index).padStart(4)}  ${(roles.get(t.index) ?? 'unknown').padEnd(7)} ${sec(t.startS)} ${sec(t.endS)}   ${t.confidence.toFixed(2)}`)
  return lines.join('\n') + '\n'
}
