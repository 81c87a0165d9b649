// The sync engine's progress as main pushes it, the Sync now / Cancel actions, and whether the
// computer is offline (the browser says so, or the last sync could not reach the API).
import type { StateCreator } from 'zustand'
import type { SyncProgress } from '@shared/sync'
import { errorMessage, ipc } from '../lib/ipc'
import type { Store } from './index'

export interface SyncSlice {
  sync: SyncProgress | null
  syncActionError: string | null
  online: boolean
  watchSync: () => () => void
  startSync: () => Promise<void>
  cancelSync: () => Promise<void>
}

/** Offline when the browser says so or the last sync could not reach the API host. */
export const isOffline = (s: Pick<Store, 'online' | 'sync'>) => !s.online || (!s.sync?.running && s.sync?.error?.code === 'OFFLINE')

export const createSyncSlice: StateCreator<Store, [], [], SyncSlice> = (set, get) => ({
  sync: null,
  syncActionError: null,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  watchSync: () => {
    const off = ipc.onSyncProgress((p) => {
      const finished = get().sync?.running && !p.running
      set({ sync: p, ...(p.running ? { syncActionError: null } : {}) })
      // New calls arrive while the list phase runs; statuses change in the refresh phase.
      if (finished || p.phase === 'list' || p.phase === 'refresh') get().refreshList()
    })
    ipc.syncStatus().then((p) => p && set({ sync: p })).catch(() => {})
    const onLine = () => set({ online: navigator.onLine })
    window.addEventListener('online', onLine)
    window.addEventListener('offline', onLine)
    return () => {
      off()
      window.removeEventListener('online', onLine)
      window.removeEventListener('offline', onLine)
    }
  },
  startSync: async () => {
    set({ syncActionError: null })
    try {
      set({ sync: await ipc.startSync() })
    } catch (err) {
      set({ syncActionError: errorMessage(err) })
    }
  },
  cancelSync: async () => {
    try {
      await ipc.cancelSync()
    } catch (err) {
      set({ syncActionError: errorMessage(err) })
    }
  },
})
