// Opens the two SQLite databases. One connection module: WAL, foreign keys, busy timeout,
// migrations applied in one transaction and tracked with user_version. A database written by a
// newer Earmark is refused. A corrupt or too-new *cache* is moved aside and rebuilt (it holds only
// what the API can give again); the *workspace* is never dropped: it is backed up before each
// migration and a problem with it stops the app with a clear message. The cache is never vacuumed:
// a call's rowid keys its payload, detail and full-text row, and VACUUM may renumber rowids.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '@shared/errors'
import { logger } from '../log'
import { rebuildDeferredIndexes } from './deferredIndexes'
import { nestedMode } from './nestedMode'
import { loadMigrations, type DbKind, type Migration } from './migrations'

export type Db = Database.Database

const log = logger('store')

/** 64 MB of page cache (negative: KiB) serves querying and small syncs of a 100k-call cache. */
const CACHE_KIB = -65536
/**
 * A backfill's writes touch every page of the sort indexes (random durations, costs, latencies)
 * while its JSON streams through the cache too: with 64 MB those index pages were evicted and read
 * back again. 256 MB holds the calls table and all its indexes at 100k calls; it is given back when
 * the backfill ends.
 */
const BULK_CACHE_KIB = -262144

function configure(db: Db, kind: DbKind): void {
  // 16 KB pages for a new cache (an existing file keeps its size: WAL cannot change it). The cache
  // is mostly appended JSON and sort indexes; a quarter of the pages means a quarter of the WAL
  // frames, page lookups and B-tree levels per write, and measured ~10% more ingest with list and
  // full-text queries unchanged. Must come before anything creates the file's first page.
  if (kind === 'cache') db.pragma('page_size = 16384')
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  db.pragma(`cache_size = ${CACHE_KIB}`)
  db.pragma('temp_store = MEMORY')
  // Checkpoint the WAL every ~40 MB rather than every 4 MB: a backfill writes in long runs.
  db.pragma(`wal_autocheckpoint = ${Math.round((40 << 20) / (db.pragma('page_size', { simple: true }) as number))}`)
}

/**
 * FTS5 merges the full-text index's segments a little after every commit (automerge). A backfill
 * commits hundreds of times: merging as it went was a third of the cost of writing transcripts.
 * While a bulk write runs, segments are merged only when they pile up (crisismerge, 16 a level), and
 * a bounded merge tidies them at its end. The setting is stored in the index, so a cache opened
 * after a bulk write that never ended gets it back too.
 */
function ftsMerging(db: Db, during: 'bulk' | 'normal'): void {
  // A literal: FTS5 wants an integer, and JavaScript numbers bind as reals.
  db.exec(`INSERT INTO call_text (call_text, rank) VALUES ('automerge', ${during === 'bulk' ? 0 : 4})`)
  if (during === 'normal') db.exec("INSERT INTO call_text (call_text, rank) VALUES ('merge', 500)")
}

/** Beside a cache while a bulk write runs: its presence at open means one did not end cleanly. */
const bulkMarker = (file: string) => `${file}-bulk`

/**
 * Bulk writing into the cache (a backfill): until the returned function is called, commits and
 * checkpoints do not wait for the disk (synchronous = OFF). Why that is acceptable here only:
 * - A commit is still written to the WAL before it returns, so a crash or kill -9 of Earmark loses
 *   nothing: the page and its sync checkpoint are there, together, on the next start.
 * - What an OS crash or power cut can damage is the cache, and the cache is rebuilt from the API.
 *   A marker file (written and flushed first) says a bulk write was under way; a cache opened with
 *   it gets a full integrity_check, not only quick_check, and is moved aside if that fails.
 * - Waiting for the disk was about a quarter of the ingest time on the bench machine.
 * It also gives the page cache more room while it lasts (see BULK_CACHE_KIB). The workspace never
 * uses this. Nested and overlapping uses (list and detail backfills) count; the last one out
 * restores synchronous = NORMAL and checkpoints, which flushes what was written (the WAL, then the
 * database), and only then removes the marker.
 */
export const bulkWrites = nestedMode(
  (db) => {
    if (!db.memory) {
      const fd = openSync(bulkMarker(db.name), 'w')
      fsyncSync(fd)
      closeSync(fd)
    }
    db.pragma('synchronous = OFF')
    db.pragma(`cache_size = ${BULK_CACHE_KIB}`)
    if (!db.inTransaction) ftsMerging(db, 'bulk')
  },
  (db) => {
    db.pragma('synchronous = NORMAL')
    db.pragma(`cache_size = ${CACHE_KIB}`)
    // Inside a transaction it cannot checkpoint: the marker stays, and the next open checks fully.
    if (db.inTransaction) return
    ftsMerging(db, 'normal')
    // PASSIVE: copies what it can without waiting for readers, and under NORMAL fsyncs the WAL
    // first, so whatever it leaves there is on disk too.
    db.pragma('wal_checkpoint(PASSIVE)')
    if (!db.memory) rmSync(bulkMarker(db.name), { force: true })
  },
)

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
    configure(db, kind)
    if (kind === 'cache') {
      // After a bulk write that did not end (see bulkWrites) the slower check that also compares
      // every index with its table; otherwise the quick one.
      const unfinished = existsSync(bulkMarker(file))
      const check = db.pragma(unfinished ? 'integrity_check' : 'quick_check', { simple: true })
      if (check !== 'ok') throw new CorruptDatabase(String(check))
      if (unfinished) {
        ftsMerging(db, 'normal')
        rmSync(bulkMarker(file), { force: true })
      }
      // Before migrating: a migration may expect the indexes a killed backfill had dropped.
      rebuildDeferredIndexes(db)
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
  for (const suffix of ['-wal', '-shm', '-bulk']) if (existsSync(file + suffix)) rmSync(file + suffix)
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
