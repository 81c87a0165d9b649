// Indexes a list backfill builds once at its end instead of keeping up to date page by page.
//
// The duration, cost and latency indexes only serve sorting by those columns (their filters are
// answered by calls_status and calls_filter). Their values are random, so every 500-call page
// touched nearly every one of their pages: at 100k calls that was ~12 MB of WAL per commit, more
// than everything else a page writes. Dropped while the backfill runs and rebuilt when it ends, they
// cost one sort of the table (~60 ms each at 100k calls). Meanwhile a list sorted by one of those
// columns sorts in memory: slower, still correct.
//
// Their definitions are saved in sync_state in the same transaction that drops them, so a backfill
// that never ends (a crash, kill -9) leaves the next open a note to rebuild them from.
import type { Db } from './db'
import { nestedMode } from './nestedMode'
import { SyncStateRepo } from './syncState.repo'

/** The sort-only indexes (their filters are answered by calls_status and calls_filter). */
export const SORT_ONLY = ['calls_duration', 'calls_cost', 'calls_latency']
const KEY = 'store.deferredIndexes'

/** Drops the sort-only indexes until the returned function is called (nested uses count). */
export const deferSortIndexes = nestedMode((db) => {
  const definition = db.prepare<[string], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")
  db.transaction(() => {
    const sqls = SORT_ONLY.map((name) => definition.get(name)?.sql).filter((sql): sql is string => sql !== undefined)
    if (!sqls.length) return
    new SyncStateRepo(db).set(KEY, sqls)
    for (const name of SORT_ONLY) db.exec(`DROP INDEX IF EXISTS ${name}`)
  })()
}, rebuildDeferredIndexes)

/** Builds any index a backfill dropped and did not rebuild. Called at every open of the cache. */
export function rebuildDeferredIndexes(db: Db): void {
  const hasState = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_state'").get()
  if (!hasState) return
  const state = new SyncStateRepo(db)
  const saved = state.get<unknown>(KEY)
  const sqls = Array.isArray(saved) ? saved.filter((s): s is string => typeof s === 'string' && /^CREATE INDEX /i.test(s)) : []
  if (!sqls.length) return
  db.transaction(() => {
    for (const sql of sqls) db.exec(sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '))
    state.delete(KEY)
  })()
}
