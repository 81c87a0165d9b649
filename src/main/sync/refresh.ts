// Re-checks calls that had not finished when last seen (queued, ringing, in progress) with
// POST /conversation/search, 100 ids per request: cheaper than paging the list for them, and it
// also reaches retry calls.
import { FINISHED_STATUSES } from '@shared/domain'
import type { Store } from '../store/store'
import type { AtomsApi } from './atomsApi'
import type { ProgressTracker } from './progress'

export const SEARCH_BATCH = 100

export function unfinishedIds(store: Store): string[] {
  const placeholders = FINISHED_STATUSES.map(() => '?').join(',')
  return (store.cache.prepare(`SELECT id FROM calls WHERE status NOT IN (${placeholders}) ORDER BY created_ms DESC`).all(...FINISHED_STATUSES) as { id: string }[]).map(
    (r) => r.id,
  )
}

export async function refreshUnfinished(ctx: { api: AtomsApi; store: Store; signal: AbortSignal; progress: ProgressTracker }): Promise<number> {
  const ids = unfinishedIds(ctx.store)
  if (ids.length === 0) return 0
  ctx.progress.start('refresh', ids.length, `Re-checking ${ids.length} unfinished calls`)
  let changed = 0
  for (let i = 0; i < ids.length; i += SEARCH_BATCH) {
    const batch = ids.slice(i, i + SEARCH_BATCH)
    const found = await ctx.api.searchCalls(batch, ctx.signal)
    const counts = ctx.store.calls.upsertSummaries(found.calls, found.raw, { source: 'search' })
    changed += counts.updated
    ctx.progress.advance(batch.length)
  }
  return changed
}
