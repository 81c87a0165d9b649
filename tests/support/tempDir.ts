import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dataPaths, type DataPaths } from '../../src/main/paths'

/** A fresh folder under the OS temp dir, removed by the returned cleanup. */
export function tempDir(prefix = 'earmark-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) }
}

/** Data folders for a test file: `next()` makes one, `cleanup()` (in afterEach) removes them all. */
export function tempDataDirs(): { next: () => DataPaths; cleanup: () => void } {
  const dirs: { cleanup: () => void }[] = []
  return {
    next: () => {
      const d = tempDir()
      dirs.push(d)
      return dataPaths(d.path)
    },
    cleanup: () => dirs.splice(0).forEach((d) => d.cleanup()),
  }
}
