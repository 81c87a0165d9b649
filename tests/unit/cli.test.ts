// The earmark CLI end to end, in-process, against the emulator over real HTTP and a real cache:
// output, JSON purity, exit codes, and the messages for a bad key, a bad flag, an unreachable host.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main'
import type { CliIo } from '../../src/cli/io'
import { startEmulator, type Emulator } from '../../src/emulator/server'
import { tempDir } from '../support/tempDir'

const KEY = 'sk_test_earmark'
let emu: Emulator
const dir = tempDir()

async function cli(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { EARMARK_DATA_DIR: dir.path }, interactive: false }
  const code = await runCli(argv, io)
  return { code, stdout, stderr }
}

beforeAll(async () => {
  emu = await startEmulator({ calls: 400, seed: 21 })
  const sync = await cli('sync', '--api-key', KEY, '--base-url', emu.url, '--rate', '500', '--json')
  expect(sync.stderr).toBe('')
  expect(sync.code).toBe(0)
})
afterAll(async () => {
  await emu.close()
  dir.cleanup()
})

describe('earmark CLI', () => {
  it('sync --json prints only a JSON summary of what it stored', async () => {
    const again = await cli('sync', '--api-key', KEY, '--base-url', emu.url, '--rate', '500', '--json')
    expect(again.code).toBe(0)
    const summary = JSON.parse(again.stdout) as { inserted: number; listed: number }
    expect(summary.inserted).toBe(0)
  })

  it('calls --json lists with filters and the same total as the emulator', async () => {
    const out = await cli('calls', '--status', 'completed', '--limit', '5', '--json')
    expect(out.code).toBe(0)
    const page = JSON.parse(out.stdout) as { total: number; rows: { status: string }[] }
    expect(page.rows).toHaveLength(5)
    expect(page.rows.every((r) => r.status === 'completed')).toBe(true)
    const res = await fetch(`${emu.url}/conversation?limit=1&callAttemptFilter=all&statusFilter=completed`, { headers: { authorization: `Bearer ${KEY}` } })
    expect(page.total).toBe(((await res.json()) as { data: { pagination: { total: number } } }).data.pagination.total)
  })

  it('show prints a call with its transcript, and search finds it by a word it contains', async () => {
    const list = JSON.parse((await cli('calls', '--status', 'completed', '--min-duration', '30', '--limit', '1', '--json')).stdout) as { rows: { id: string }[] }
    const id = list.rows[0]!.id
    const shown = await cli('show', id, '--json')
    const call = JSON.parse(shown.stdout) as { id: string; transcript: { text: string }[] }
    expect(call.id).toBe(id)
    expect(call.transcript.length).toBeGreaterThan(0)
    const text = await cli('show', id)
    expect(text.stdout).toContain('Transcript')
    const word = call.transcript.map((t) => t.text).join(' ').match(/[A-Za-z]{8,}/)![0]
    const found = JSON.parse((await cli('search', word, '--limit', '500', '--json')).stdout) as { rows: { id: string }[] }
    expect(found.rows.map((r) => r.id)).toContain(id)
  })

  it('export writes CSV with a header and one row per call', async () => {
    const out = join(dir.path, 'calls.csv')
    const res = await cli('export', '--format', 'csv', '--status', 'no_answer', '--out', out)
    expect(res.code).toBe(0)
    const lines = readFileSync(out, 'utf8').trim().split('\n')
    expect(lines[0]).toMatch(/^call_id,created_at,status/)
    const total = (JSON.parse((await cli('calls', '--status', 'no_answer', '--json')).stdout) as { total: number }).total
    expect(lines).toHaveLength(total + 1)
  })

  it.each([
    [['calls', '--limit', 'ten'], /--limit must be a whole number/],
    [['calls', '--has-recording', 'maybe'], /--has-recording must be yes or no/],
    [['calls', '--colour', 'red'], /Unknown option '--colour'/],
    [['export', '--format', 'xml', '--out', 'x'], /--format must be one of csv, jsonl/],
    [['sync'], /needs an API key/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['show'], /exactly one call id/],
  ])('bad usage %j exits 2 with a message naming the problem', async (argv, message) => {
    const res = await cli(...argv)
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(message)
    expect(res.stdout).toBe('')
  })

  it('a wrong key exits 1 telling the user to check it, without printing the key', async () => {
    const res = await cli('sync', '--api-key', 'sk_wrong_key_abcdef', '--base-url', emu.url)
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(/API key/)
    expect(res.stderr).not.toContain('sk_wrong_key_abcdef')
  })

  it('an unreachable host exits 1 naming the host', async () => {
    const res = await cli('sync', '--api-key', KEY, '--base-url', 'http://127.0.0.1:9/atoms/v1', '--rate', '500')
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(/127\.0\.0\.1/)
  }, 120_000)

  it('show of an unknown call exits 1 and says so', async () => {
    const res = await cli('show', 'CALL-0000000000000-000000')
    expect(res.code).toBe(1)
    expect(res.stderr).toMatch(/not in the local cache/)
  })
})
