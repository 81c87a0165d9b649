// Test projects: unit + security run in Node with the `electron` module replaced by
// tests/support/electron.ts (the one seam we fake); e2e drives the built renderer in Chromium.
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname
const shared = { '@shared': resolve(root, 'src/shared') }

export default defineConfig({
  test: {
    reporters: ['default', resolve(root, 'tests/support/summaryReporter.ts')],
    projects: [
      {
        resolve: { alias: { ...shared, electron: resolve(root, 'tests/support/electron.ts') } },
        test: { name: 'unit', setupFiles: [resolve(root, 'tests/support/setup.ts')], include: ['tests/unit/**/*.test.ts', 'tests/security/**/*.test.ts', 'tests/renderer/**/*.test.ts'], environment: 'node', testTimeout: 30_000 },
      },
      {
        resolve: { alias: shared },
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Waiting for the page to show something is not a timing assertion: allow a loaded machine.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
})
