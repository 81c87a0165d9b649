// kill -9 in the middle of a sync, then resume: the cache ends up holding exactly the
// emulator's calls, none twice, and the resumed run starts at its checkpoint, not at page 1.
import { spawn } from 'node:child_process'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AtomsClient } from '../../src/main/atoms/client'
import { dataPaths } from '../../src/main/paths'
import { openStore } from '../../src/main/store/store'
import { SyncEngine } from '../../src/main/sync/syncEngine'
import { startEmulator, type Emulator } from '../../src/emulator/server'
import { tempDir } from '../support/tempDir'

const KEY = 'sk_test_earmark'
let emu: Emulator
const dir = tempDir()

beforeAll(async () => {
  emu = await startEmulator({ calls: 3000, seed: 11 })
})
afterAll(async () => {
  await emu.close()
  dir.cleanup()
})

function checkpoint(file: string): number | null {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true })
    try {
      const row = db.prepare("SELECT value FROM sync_state WHERE key = 'list.backfill'").get() as { value: string } | undefined
      return row ? (JSON.parse(row.value) as { nextPage: number }).nextPage : null
    } finally {
      db.close()
    }
  } catch {
    return null
  }
}

describe('resume after kill -9', () => {
  it('loses and duplicates nothing', async () => {
    const paths = dataPaths(dir.path)
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'sync', '--api-key', KEY, '--base-url', emu.url, '--data-dir', dir.path, '--details', 'none', '--rate', '4'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    )
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const exited = new Promise((r) => child.once('exit', r))
    let page: number | null = null
    for (let i = 0; i < 300 && (page === null || page < 3); i++) {
      await new Promise((r) => setTimeout(r, 50))
      page = checkpoint(paths.cacheDb)
    }
    expect(page, `the child sync never reached page 3: ${stderr}`).toBeGreaterThanOrEqual(3)
    process.kill(child.pid!, 'SIGKILL')
    await exited

    const store = openStore(paths)
    try {
      const before = (store.cache.prepare('SELECT COUNT(*) AS n FROM calls').get() as { n: number }).n
      expect(before).toBeGreaterThan(0)
      expect(before).toBeLessThan(emu.callIds('A').length)
      const resumed = await new SyncEngine(new AtomsClient({ apiKey: KEY, baseUrl: emu.url, requestsPerSecond: 1000 }), store).run({ details: 'none' })
      const ids = (store.cache.prepare('SELECT id FROM calls ORDER BY id').all() as { id: string }[]).map((r) => r.id)
      expect(ids).toEqual([...emu.callIds('A')].sort())
      // It carried on from the checkpoint rather than listing everything again.
      expect(resumed.listed).toBeLessThan(emu.callIds('A').length)
    } finally {
      store.close()
    }
  })
})
