// Build of the three Electron sides. The preload is bundled into one CommonJS file because a
// sandboxed preload cannot load ES modules or relative files; main keeps node_modules external
// (better-sqlite3 is native). The renderer is a plain Vite + React app.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'

const root = import.meta.dirname
const shared = { '@shared': resolve(root, 'src/shared') }

/** Copies the numbered SQL migrations next to the bundled main (see src/main/store/migrations.ts). */
function sqlMigrations(): Plugin {
  const from = resolve(root, 'src/main/store/migrations')
  return {
    name: 'earmark-sql-migrations',
    generateBundle() {
      for (const kind of readdirSync(from)) {
        for (const file of readdirSync(join(from, kind)).filter((f) => f.endsWith('.sql'))) {
          this.emitFile({ type: 'asset', fileName: `migrations/${kind}/${file}`, source: readFileSync(join(from, kind, file), 'utf8') })
        }
      }
    },
  }
}

export default defineConfig({
  main: {
    resolve: { alias: shared },
    plugins: [sqlMigrations()],
    build: { rollupOptions: { input: { index: resolve(root, 'src/main/index.ts') } } },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    resolve: { alias: shared },
    plugins: [react()],
    build: { rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } } },
  },
})
