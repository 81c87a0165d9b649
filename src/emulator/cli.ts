// npm run emulator -- --port 4010 --calls 2000 --seed 1 --api-key sk_test_earmark [--rate-limit 10]
//   [--faults 429:0.05,500:0.02,504,slow:0.1,reset:0.01,malformed:0.01] [--legacy] [--agent-channel 0|1|mixed]
// The first line on stdout is exactly "Atoms emulator listening on http://127.0.0.1:<port>/atoms/v1".
import { parseArgs } from 'node:util'
import { parseFaults } from './faults'
import { startEmulator } from './server'

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n`)
  process.exit(2)
}

function int(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < min) fail(`--${name} must be a whole number of at least ${min}, not "${raw}"`)
  return n
}

async function main() {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        calls: { type: 'string' },
        seed: { type: 'string' },
        'api-key': { type: 'string' },
        'rate-limit': { type: 'string' },
        faults: { type: 'string' },
        legacy: { type: 'boolean' },
        'agent-channel': { type: 'string' },
      },
    }))
  } catch (err) {
    fail((err as Error).message)
  }
  const channel = values['agent-channel'] ?? 'mixed'
  if (!['0', '1', 'mixed'].includes(channel)) fail(`--agent-channel must be 0, 1 or mixed, not "${channel}"`)
  let faults = null
  try {
    faults = values.faults ? parseFaults(values.faults) : null
  } catch (err) {
    fail(`--faults: ${(err as Error).message}`)
  }
  const emu = await startEmulator({
    port: int('port', values.port, 4010, 0),
    calls: int('calls', values.calls, 2000, 1),
    seed: int('seed', values.seed, 1, 0),
    apiKey: values['api-key'] ?? 'sk_test_earmark',
    rateLimit: values['rate-limit'] === undefined ? undefined : int('rate-limit', values['rate-limit'], 10, 1),
    faults,
    legacy: values.legacy ?? false,
    agentChannel: channel === 'mixed' ? 'mixed' : (Number(channel) as 0 | 1),
  })
  process.stdout.write(`Atoms emulator listening on ${emu.url}\n`)
  const stop = () => void emu.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)))
