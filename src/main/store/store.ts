// Opens the cache and the workspace together and hands out their repositories.
import type { DataPaths } from '../paths'
import { CallQueryService } from './callQuery.service'
import { CallsRepo } from './calls.repo'
import { openCache, openWorkspace, type Db } from './db'
import { SyncStateRepo } from './syncState.repo'
import { CallPrefsRepo } from './callPrefs.repo'
import { MediaCacheRepo } from './mediaCache.repo'
import { attachWorkspace } from './reviewFilter'

export interface Store {
  cache: Db
  workspace: Db
  calls: CallsRepo
  query: CallQueryService
  syncState: SyncStateRepo
  /** Peaks and alignments (cache). */
  media: MediaCacheRepo
  /** A reviewer's per-call choices (workspace). */
  callPrefs: CallPrefsRepo
  close(): void
}

export function openStore(paths: Pick<DataPaths, 'cacheDb' | 'workspaceDb'>): Store {
  const workspace = openWorkspace(paths.workspaceDb)
  let cache: Db
  try {
    cache = openCache(paths.cacheDb)
    // The call list filters and shows review data, which lives in the workspace: one connection
    // reads both (the workspace is only read through it; writes go through its own connection).
    attachWorkspace(cache, paths.workspaceDb)
  } catch (err) {
    workspace.close()
    throw err
  }
  return {
    cache,
    workspace,
    calls: new CallsRepo(cache),
    query: new CallQueryService(cache),
    syncState: new SyncStateRepo(cache),
    media: new MediaCacheRepo(cache),
    callPrefs: new CallPrefsRepo(workspace),
    close: () => {
      cache.close()
      workspace.close()
    },
  }
}
