// Loads the numbered SQL migrations of a database kind from disk. In the source tree they sit in
// ./migrations/<kind>/; the build copies them to out/main/migrations/<kind>/ (see
// electron.vite.config.ts), so the same relative path works from source (tsx, tests) and bundle.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export type DbKind = 'cache' | 'workspace'

export interface Migration {
  version: number
  name: string
  sql: string
}

const FILE = /^(\d{3})_([a-z0-9_]+)\.sql$/

export function migrationsDir(kind: DbKind): string {
  const here = import.meta.dirname
  const candidates = [join(here, 'migrations', kind), join(here, 'store', 'migrations', kind)]
  const found = candidates.find((dir) => existsSync(dir))
  if (!found) throw new Error(`The ${kind} migrations are missing (looked in ${candidates.join(', ')})`)
  return found
}

export function loadMigrations(kind: DbKind, dir = migrationsDir(kind)): Migration[] {
  const list = readdirSync(dir)
    .map((file) => ({ file, match: FILE.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), name: match[2]!, sql: readFileSync(join(dir, file), 'utf8') }))
    .sort((a, b) => a.version - b.version)
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`${kind} migrations must be numbered 001, 002, … without gaps (found ${m.version} at position ${i + 1})`)
  })
  return list
}
