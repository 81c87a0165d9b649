// Handlers of the calls:* and sync:* channels: the call list answered from the cache, one call
// with its detail (fetched at once, ahead of the background queue, when it is not cached yet),
// and control of the sync engine.
import { AppError } from '@shared/errors'
import type { CallView } from '@shared/ipc/types'
import { logger } from '../log'
import type { Store } from '../store/store'
import type { SyncEngine } from '../sync/syncEngine'
import type { Handlers } from './dispatch'

type CallHandlers = Pick<Handlers, 'calls:list' | 'calls:facets' | 'calls:get'>
type SyncHandlers = Pick<Handlers, 'sync:start' | 'sync:cancel' | 'sync:status'>

const log = logger('ipc')

export function callsHandlers(store: Store, sync: () => SyncEngine | null): CallHandlers {
  // Only the newest facet request is worth finishing: the renderer asks again for every change.
  let facetsAsked = 0
  return {
    'calls:list': (q) => store.query.list(q),
    'calls:facets': (q) => {
      const mine = ++facetsAsked
      return store.query.facetsYielding(q, () => mine !== facetsAsked)
    },
    'calls:get': async (id): Promise<CallView> => {
      const found = store.query.get(id)
      if (!found) throw new AppError('NOT_FOUND', `Call ${id} is not in the local cache.`)
      if (found.hasDetail) return { ...found, detailError: null }
      const engine = sync()
      if (!engine) return { ...found, detailError: 'Connect an API key to load the transcript.' }
      try {
        await engine.details.fetchNow(id)
        return { ...store.query.get(id)!, detailError: null }
      } catch (err) {
        const message = err instanceof AppError ? err.message : 'The transcript could not be loaded.'
        log.warn(`detail of ${id} not loaded: ${message}`)
        return { ...found, detailError: message }
      }
    },
  }
}

export function syncHandlers(sync: () => SyncEngine | null): SyncHandlers {
  const engine = () => {
    const e = sync()
    if (!e) throw new AppError('INVALID_INPUT', 'Add an API key in Settings (or open the demo workspace) before syncing.')
    return e
  }
  return {
    'sync:start': () => {
      const e = engine()
      // The run reports through sync:progress; its failure is shown from there, not thrown here.
      e.run().catch(() => {})
      return e.status()
    },
    'sync:cancel': () => sync()?.cancel() ?? false,
    'sync:status': () => sync()?.status() ?? null,
  }
}
