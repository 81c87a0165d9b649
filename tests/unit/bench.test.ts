// The benchmark's contract (issue 4): `npm run bench -- --json` prints one JSON object and nothing
// else on stdout, a bad flag is a usage error, and ingest is the median of its runs.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/main/store/store'
import { medianIngest } from '../../bench/scenarios/ingest'
import { tempDataDirs } from '../support/tempDir'

const data = tempDataDirs()
afterEach(data.cleanup)

const bench = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/run.ts', ...args], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 120_000 })

describe('npm run bench', () => {
  it('reports the median of its ingest runs beside every run, keeping the first cache and deleting the others', () => {
    const first = openStore(data.next())
    const others: string[] = []
    const figures = medianIngest(400, 3, first, (run) => {
      others.push(join(data.next().root, `run-${run}`))
      return others.at(-1)!
    })
    expect(figures.ingest_runs_calls_per_s).toHaveLength(3)
    expect(figures.ingest_calls_per_s).toBe([...figures.ingest_runs_calls_per_s].sort((a, b) => a - b)[1])
    expect(first.query.count()).toBe(400)
    expect(first.query.list({ text: 'refund' }).total).toBeGreaterThan(0)
    expect(others.filter((dir) => existsSync(dir))).toEqual([])
    first.close()
  })

  it('--json prints only the JSON object, with the figures the issue names', () => {
    const out = bench('--calls', '600', '--only', 'ingest,queries', '--ingest-runs', '2', '--json')
    expect(out.status).toBe(0)
    const figures = JSON.parse(out.stdout) as Record<string, unknown>
    for (const key of ['ingest_calls_per_s', 'list_query_p50_ms', 'list_query_p95_ms', 'fts_p50_ms', 'fts_p95_ms']) expect(typeof figures[key]).toBe('number')
    expect(figures.ingest_runs_calls_per_s).toHaveLength(2)
    expect(out.stdout.trim().split('\n')).toHaveLength(1)
  })

  it('refuses a bad flag value with a usage error that names it', () => {
    for (const [value, says] of [['none', 'whole number, not "none"'], ['0.5', 'whole number, not "0.5"']]) {
      const out = bench('--ingest-runs', value!, '--json')
      expect(out.status).toBe(2)
      expect(out.stderr).toContain(`--ingest-runs must be a positive ${says}`)
      expect(out.stdout).toBe('')
    }
  })
})
