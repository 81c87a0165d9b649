// Saved views: a name for a query with its columns, stored in the workspace.
import type { StateCreator } from 'zustand'
import type { SavedView } from '@shared/settings'
import { errorMessage, ipc } from '../lib/ipc'
import type { Store } from './index'

export interface ViewsSlice {
  views: SavedView[]
  viewsError: string | null
  loadViews: () => Promise<void>
  saveView: (name: string, overwrite?: boolean) => Promise<boolean>
  applyView: (id: string) => void
  deleteView: (id: string) => Promise<void>
}

export const createViewsSlice: StateCreator<Store, [], [], ViewsSlice> = (set, get) => ({
  views: [],
  viewsError: null,
  loadViews: async () => set({ views: await ipc.listViews() }),
  saveView: async (name, overwrite = false) => {
    const { query, layout, viewId } = get()
    set({ viewsError: null })
    try {
      const view = await ipc.saveView({ ...(overwrite && viewId ? { id: viewId } : {}), name, query, layout })
      await get().loadViews()
      get().replaceQuery(view.query, view.layout, view.id)
      return true
    } catch (err) {
      set({ viewsError: errorMessage(err) })
      return false
    }
  },
  applyView: (id) => {
    const view = get().views.find((v) => v.id === id)
    if (view) get().replaceQuery(view.query, view.layout, view.id)
  },
  deleteView: async (id) => {
    await ipc.deleteView(id)
    if (get().viewId === id) set({ viewId: null })
    await get().loadViews()
  },
})
