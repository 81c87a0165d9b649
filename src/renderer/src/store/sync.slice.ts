// The sync engine's progress as main pushes it, and the Sync now / Cancel actions.
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

export const createSyncSlice: StateCreator<Store, [], [], SyncSlice> = (set, get) => ({
  sync: null,
  syncActionError: null,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  watchSync: () => {
    let last: SyncProgress | null = null
    const off = ipc.onSyncProgress((p) => {
      const finished = last?.running && !p.running
      last = p
      set({ sync: p })
      // New calls may have arrived: refresh the list when a run ends, and now and then while it runs.
      if (finished || p.phase === 'list') get().refreshList()
    })
    ipc.syncStatus().then((p) => p && set({ sync: p })).catch(() => {})
    const onOnline = () => set({ online: navigator.onLine })
    window.addEventListener('online', onOnline)
    window.addEventListener('offline', onOnline)
    return () => {
      off()
      window.removeEventListener('online', onOnline)
      window.removeEventListener('offline', onOnline)
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
    await ipc.cancelSync().catch(() => false)
  },
})
