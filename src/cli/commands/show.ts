// earmark show <callId> [--json]
import { AppError } from '@shared/errors'
import { COMMON_FLAGS, parse, UsageError } from '../args'
import { resolvePaths, withStore } from '../context'
import { callReport } from '../format'
import type { CliIo } from '../io'

export async function showCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(argv, COMMON_FLAGS)
  if (values.help) {
    io.stdout('earmark show <callId> [--json] [--data-dir DIR]\n')
    return 0
  }
  const [id, extra] = positionals
  if (!id || extra) throw new UsageError('show needs exactly one call id, e.g. earmark show CALL-1767268800123-9f3a2c')
  const found = await withStore(resolvePaths(values['data-dir'], io), (store) => store.query.get(id))
  if (!found) throw new AppError('NOT_FOUND', `Call ${id} is not in the local cache. Run \`earmark sync\` first, or check the id.`)
  io.stdout(values.json ? JSON.stringify(found.call) + '\n' : callReport(found.call))
  return 0
}
