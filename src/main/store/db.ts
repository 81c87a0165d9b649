// Opens the two SQLite databases. One connection module: WAL, foreign keys, busy timeout,
// migrations applied in one transaction and tracked with user_version. A database written by a
// newer Earmark is refused. A corrupt or too-new *cache* is moved aside and rebuilt (it holds only
// what the API can give again); the *workspace* is never dropped: it is backed up before each
// migration and a problem with it stops the app with a clear message.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '@shared/errors'
import { logger } from '../log'
import { loadMigrations, type DbKind, type Migration } from './migrations'

export type Db = Database.Database

const log = logger('store')

function configure(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // 64 MB of page cache keeps the indexes of a 100k-call cache in memory while syncing and querying.
  db.pragma('cache_size = -65536')
  db.pragma('temp_store = MEMORY')
  // Checkpoint the WAL every ~40 MB rather than every 4 MB: a backfill writes in long runs.
  db.pragma('wal_autocheckpoint = 10000')
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

function migrate(db: Db, migrations: Migration[], file: string, kind: DbKind): void {
  const current = schemaVersion(db)
  const latest = migrations.length
  if (current > latest) {
    throw new AppError(
      'CONFLICT',
      `The ${kind} database at ${file} was written by a newer version of Earmark (schema ${current}, this version knows ${latest}). Update Earmark to open it.`,
    )
  }
  if (current === latest) return
  if (kind === 'workspace' && current > 0) backup(db, file, current)
  db.transaction(() => {
    for (const m of migrations.slice(current)) db.exec(m.sql)
    db.pragma(`user_version = ${latest}`)
  })()
  log.info(`${kind} database migrated from ${current} to ${latest}`)
}

function backup(db: Db, file: string, version: number): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
  const target = `${file}.v${version}.${Date.now()}.bak`
  copyFileSync(file, target)
  log.info(`workspace backed up to ${target} before migrating`)
}

function openAndMigrate(file: string, kind: DbKind, migrations: Migration[]): Db {
  const db = new Database(file)
  try {
    configure(db)
    if (kind === 'cache') {
      const check = db.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new CorruptDatabase(String(check))
    }
    migrate(db, migrations, file, kind)
    return db
  } catch (err) {
    db.close()
    throw err
  }
}

class CorruptDatabase extends Error {}

function isCorruption(err: unknown): boolean {
  if (err instanceof CorruptDatabase) return true
  const code = (err as { code?: string }).code ?? ''
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || /malformed|not a database/i.test(String(err))
}

function moveAside(file: string, why: string): string {
  const aside = `${file}.${why}-${Date.now()}`
  renameSync(file, aside)
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix)
  return aside
}

export function openCache(file: string): Db {
  mkdirSync(dirname(file), { recursive: true })
  const migrations = loadMigrations('cache')
  try {
    return openAndMigrate(file, 'cache', migrations)
  } catch (err) {
    const tooNew = err instanceof AppError && err.code === 'CONFLICT'
    if (!tooNew && !isCorruption(err)) throw err
    const aside = moveAside(file, tooNew ? 'newer' : 'corrupt')
    log.warn(`the cache at ${file} was ${tooNew ? 'written by a newer Earmark' : 'corrupt'}; moved it to ${aside} and rebuilding it (your workspace is untouched)`)
    return openAndMigrate(file, 'cache', migrations)
  }
}

export function openWorkspace(file: string, migrations: Migration[] = loadMigrations('workspace')): Db {
  mkdirSync(dirname(file), { recursive: true })
  try {
    return openAndMigrate(file, 'workspace', migrations)
  } catch (err) {
    if (err instanceof AppError) throw err
    if (isCorruption(err)) {
      throw new AppError('CONFLICT', `The workspace database at ${file} is damaged. Earmark has not changed it; restore it from a backup (*.bak beside it).`, { cause: err })
    }
    throw err
  }
}
