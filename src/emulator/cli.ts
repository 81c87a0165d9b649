// npm run emulator -- --port 4010 --calls 2000 --seed 1 --api-key sk_test_earmark [--rate-limit 10]
//   [--faults 429:0.05,500:0.02,504,slow:0.1,reset:0.01,malformed:0.01] [--legacy]
//   [--agent-channel 0|1|mixed] [--time-scale 1] [--arrivals <seconds>]
// The first line on stdout is exactly "Atoms emulator listening on http://127.0.0.1:<port>/atoms/v1"
// (scripts wait for it). A bad flag is reported on stderr, naming the flag, with exit code 2.
import { parseArgs } from 'node:util'
import { parseFaults } from './faults'
import { startEmulator, type EmulatorOptions } from './server'

const USAGE =
  'usage: npm run emulator -- [--port 4010] [--calls 2000] [--seed 1] [--api-key sk_test_earmark] [--rate-limit N] [--faults SPEC] [--legacy] [--agent-channel 0|1|mixed] [--time-scale X] [--arrivals SECONDS]'

function fail(message: string): never {
  process.stderr.write(`emulator: ${message}\n${USAGE}\n`)
  process.exit(2)
}

function whole(name: string, raw: string | undefined, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (!/^\d+$/.test(raw) || n < min || n > max) fail(`--${name} must be a whole number from ${min} to ${max}, not "${raw}"`)
  return n
}

function positive(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0) fail(`--${name} must be a number above 0, not "${raw}"`)
  return n
}

function options(): EmulatorOptions {
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
        'time-scale': { type: 'string' },
        arrivals: { type: 'string' },
      },
    }))
  } catch (err) {
    fail((err as Error).message)
  }
  const channel = values['agent-channel'] ?? 'mixed'
  if (!['0', '1', 'mixed'].includes(channel)) fail(`--agent-channel must be 0, 1 or mixed, not "${channel}"`)
  const apiKey = values['api-key'] ?? 'sk_test_earmark'
  if (!/^\S+$/.test(apiKey)) fail('--api-key must be one word without spaces')
  let faults = null
  try {
    faults = values.faults === undefined ? null : parseFaults(values.faults)
  } catch (err) {
    fail(`--faults: ${(err as Error).message}`)
  }
  return {
    port: whole('port', values.port, 4010, 0, 65_535),
    calls: whole('calls', values.calls, 2000, 1, 2_000_000),
    seed: whole('seed', values.seed, 1, 0, 2 ** 31 - 1),
    apiKey,
    rateLimit: values['rate-limit'] === undefined ? undefined : whole('rate-limit', values['rate-limit'], 10, 1),
    faults,
    legacy: values.legacy ?? false,
    agentChannel: channel === 'mixed' ? 'mixed' : (Number(channel) as 0 | 1),
    timeScale: positive('time-scale', values['time-scale']),
    arrivalEveryS: positive('arrivals', values.arrivals),
  }
}

async function main(): Promise<void> {
  const emu = await startEmulator(options())
  process.stdout.write(`Atoms emulator listening on ${emu.url}\n`)
  const stop = () => void emu.close().then(() => process.exit(0))
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  process.stderr.write(`emulator: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
