// Keeps the cache's call list complete and current through GET /conversation.
//
// Both passes page in the API's default order (updatedAt desc), the only indexed one: createdAt
// sorts and date filters can time out (504) on large accounts. In that order a call that changes
// or arrives during a pass moves to the top, which only pushes already-seen calls down (seen
// twice, stored once): nothing that existed unchanged is skipped, and whatever moved to the top is
// picked up by the incremental pass that always follows.
//
// Every page is stored together with the checkpoint (next page) in one transaction, so a crash or
// kill -9 resumes where it stopped with nothing lost and nothing duplicated. A backfill's commits do
// not wait for the disk (see bulkWrites): that costs durability only against an OS crash or power
// cut, after which the cache, like any damaged cache, is rebuilt. The indexes that only sort are
// built once at its end (see deferSortIndexes).
import type { CallListPage, ListCallsParams } from '@shared/domain'
import { bulkWrites } from '../store/db'
import { deferSortIndexes } from '../store/deferredIndexes'
import type { Store } from '../store/store'
import type { AtomsApi } from './atomsApi'
import type { ProgressTracker } from './progress'

export const PAGE_SIZE = 500
const BACKFILL_KEY = 'list.backfill'
const COMPLETE_KEY = 'list.complete'

interface Checkpoint {
  nextPage: number
  since: string | null
}

export interface ListSyncContext {
  api: AtomsApi
  store: Store
  signal: AbortSignal
  progress: ProgressTracker
  /** Only calls updated at or after this instant are backfilled. */
  since?: string | null
}

export interface ListSyncResult {
  listed: number
  inserted: number
  updated: number
  issues: number
}

const BASE: ListCallsParams = { limit: PAGE_SIZE, callAttempts: ['all'] }

function storePage(ctx: ListSyncContext, page: CallListPage, checkpoint: Checkpoint | null) {
  let counts = { inserted: 0, updated: 0, unchanged: 0 }
  ctx.store.cache.transaction(() => {
    counts = ctx.store.calls.upsertSummaries(page.calls, page.raw)
    if (checkpoint) ctx.store.syncState.set(BACKFILL_KEY, checkpoint)
  })()
  return counts
}

const olderThan = (page: CallListPage, since: string) => {
  const limit = Date.parse(since)
  return page.calls.length > 0 && page.calls.every((c) => Date.parse(c.updatedAt ?? c.createdAt) < limit)
}

export function backfillDone(store: Store): boolean {
  return store.syncState.get(COMPLETE_KEY) !== null && store.syncState.get(BACKFILL_KEY) === null
}

/** Pages requested before they are needed: the rate limit, not the server's or our own work, sets the pace. */
const AHEAD = 2

/**
 * Pages from the checkpoint (or page 1) to the end of the list. The next pages are requested while
 * the current one is being stored, so neither the disk nor the server's time to build a page holds
 * up the network (the rate limit does). Beyond the next page only pages the list said it has are
 * asked for ahead, so a sync never spends a request past the end.
 */
export async function backfill(ctx: ListSyncContext): Promise<ListSyncResult> {
  const endBulk = bulkWrites(ctx.store.cache)
  const endDeferral = deferSortIndexes(ctx.store.cache)
  try {
    return await backfillPages(ctx)
  } finally {
    endDeferral()
    endBulk()
  }
}

async function backfillPages(ctx: ListSyncContext): Promise<ListSyncResult> {
  const saved = ctx.store.syncState.get<Checkpoint>(BACKFILL_KEY)
  const since = saved?.since ?? ctx.since ?? null
  let pageNo = saved?.nextPage ?? 1
  const result: ListSyncResult = { listed: 0, inserted: 0, updated: 0, issues: 0 }
  ctx.progress.start('list', null, pageNo > 1 ? `Resuming the call list at page ${pageNo}` : 'Downloading the call list')
  const pending = new Map<number, Promise<CallListPage>>()
  const request = (n: number) => {
    if (pending.has(n)) return
    const p = ctx.api.listCalls({ ...BASE, page: n }, ctx.signal)
    // Swallowed here, seen again when awaited: an unawaited rejection must not crash the process.
    p.catch(() => {})
    pending.set(n, p)
  }
  request(pageNo)
  for (;;) {
    const page = await pending.get(pageNo)!
    pending.delete(pageNo)
    const last = !page.hasMore || page.calls.length === 0 || (since !== null && olderThan(page, since))
    if (!last) {
      request(pageNo + 1)
      for (let n = pageNo + 2; n <= Math.min(pageNo + AHEAD, page.totalPages); n++) request(n)
    }
    const counts = storePage(ctx, page, last ? null : { nextPage: pageNo + 1, since })
    result.listed += page.calls.length
    result.inserted += counts.inserted
    result.updated += counts.updated
    result.issues += page.issues.length
    ctx.progress.advance(page.calls.length, page.total, `Call list: page ${pageNo} of ${page.totalPages || '?'}`)
    if (last) break
    pageNo++
  }
  ctx.store.cache.transaction(() => {
    ctx.store.syncState.delete(BACKFILL_KEY)
    ctx.store.syncState.set(COMPLETE_KEY, { at: Date.now(), since })
  })()
  return result
}

/** Pages from the top until a page holds only calls already stored unchanged. */
export async function incremental(ctx: ListSyncContext): Promise<ListSyncResult> {
  const result: ListSyncResult = { listed: 0, inserted: 0, updated: 0, issues: 0 }
  ctx.progress.start('list', null, 'Checking for new and changed calls')
  for (let pageNo = 1; ; pageNo++) {
    const page = await ctx.api.listCalls({ ...BASE, page: pageNo }, ctx.signal)
    const counts = storePage(ctx, page, null)
    result.listed += page.calls.length
    result.inserted += counts.inserted
    result.updated += counts.updated
    result.issues += page.issues.length
    ctx.progress.advance(page.calls.length, null, `${result.inserted} new, ${result.updated} changed`)
    if (!page.hasMore || page.calls.length === 0 || counts.inserted + counts.updated === 0) break
  }
  return result
}
