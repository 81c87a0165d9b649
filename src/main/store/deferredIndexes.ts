// Indexes a list backfill builds once at its end instead of keeping up to date page by page.
//
// Five indexes only serve sorting: by duration, cost, latency, update time and agent name (the first
// three's filters are answered by calls_status and calls_filter; the last two are not filters).
// Durations, costs and latencies are random, so every 500-call page touched nearly every one of
// their pages: at 100k calls that was ~12 MB of WAL per commit, more than everything else a page
// writes. Agent names are a few groups, each of whose tail page (and its splits) every page rewrote:
// ~15 of a commit's ~170 WAL frames; update times arrive newest first during a real backfill.
// Dropped while the backfill runs and rebuilt when it ends, they cost one sort of the table each
// (~40-70 ms at 100k calls): deferring the last two as well measured +5-7% ingest. Meanwhile a list
// sorted by one of those columns sorts in memory: slower, still correct.
//
// Their definitions are saved in sync_state in the same transaction that drops them, so a backfill
// that never ends (a crash, kill -9) leaves the next open a note to rebuild them from.
import type { Db } from './db'
import { nestedMode } from './nestedMode'
import { SyncStateRepo } from './syncState.repo'

/** The sort-only indexes. */
export const SORT_ONLY = ['calls_duration', 'calls_cost', 'calls_latency', 'calls_updated', 'calls_agent_name']
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
