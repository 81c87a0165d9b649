// The emulator command: its first stdout line is the documented address line (scripts wait for
// it), it serves 100k calls, stops cleanly on SIGTERM, and refuses bad flags naming the flag.
import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

const command = (args: string[]) => spawn(process.execPath, ['--import', 'tsx', 'src/emulator/cli.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })

describe('emulator command', () => {
  it('prints its address as the first line, serves, and stops on SIGTERM', async () => {
    const child = command(['--port', '0', '--calls', '100000', '--seed', '1', '--api-key', 'sk_test_cli', '--rate-limit', '50', '--faults', '504', '--agent-channel', '1'])
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString()
          if (out.includes('\n')) resolve(out.split('\n')[0]!)
        })
        void exited.then((code) => reject(new Error(`exited with ${code} before listening`)))
      })
      expect(line).toMatch(/^Atoms emulator listening on http:\/\/127\.0\.0\.1:\d+\/atoms\/v1$/)
      const url = line.slice('Atoms emulator listening on '.length)
      const headers = { authorization: 'Bearer sk_test_cli' }
      const body = (await (await fetch(`${url}/conversation?limit=1&callAttemptFilter=all`, { headers })).json()) as { data: { pagination: { total: number } } }
      expect(body.data.pagination.total).toBe(100_000)
      expect((await fetch(`${url}/conversation?sortBy=createdAt`, { headers })).status).toBe(504)
    } finally {
      process.kill(child.pid!, 'SIGTERM')
    }
    expect(await exited).toBe(0)
  })

  it.each([
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number from 0 to 65535/],
    [['--calls', '0'], /--calls must be a whole number/],
    [['--faults', '429:2'], /--faults: fault "429" needs a rate between 0 and 1/],
    [['--faults', 'teapot:0.1'], /--faults: unknown fault "teapot"/],
    [['--agent-channel', 'left'], /--agent-channel must be 0, 1 or mixed/],
    [['--rate-limit', '-3'], /--rate-limit/],
    [['--time-scale', 'fast'], /--time-scale must be a number above 0/],
    [['--bogus'], /--bogus/],
  ])('refuses %j with exit code 2 and a message naming the flag', async (args, message) => {
    const child = command(args)
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    const code = await new Promise((resolve) => child.once('exit', resolve))
    expect(code).toBe(2)
    expect(err).toMatch(message)
  })
})
