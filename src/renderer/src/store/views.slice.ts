// Saved views: a name for a query with its columns, stored in the workspace. Selecting one
// replaces the list's query and layout; the view can then be updated with the current ones,
// renamed, or deleted.
import type { StateCreator } from 'zustand'
import type { SavedView } from '@shared/settings'
import { errorMessage, ipc } from '../lib/ipc'
import { DEFAULT_QUERY, sameValue } from '../lib/query'
import type { Store } from './index'

export interface ViewsSlice {
  views: SavedView[]
  viewsError: string | null
  loadViews: () => Promise<void>
  /** Saves the current query and layout as a new view and selects it. */
  saveViewAs: (name: string) => Promise<boolean>
  /** Writes the current query and layout into the selected view. */
  updateView: () => Promise<boolean>
  renameView: (id: string, name: string) => Promise<boolean>
  applyView: (id: string | null) => void
  deleteView: (id: string) => Promise<boolean>
  clearViewsError: () => void
}

/** True when the list no longer shows what the selected view saved. */
export const viewEdited = (s: Pick<Store, 'views' | 'viewId' | 'query' | 'layout'>) => {
  const view = s.views.find((v) => v.id === s.viewId)
  return view ? !sameValue(view.query, s.query) || !sameValue(view.layout, s.layout) : false
}

export const createViewsSlice: StateCreator<Store, [], [], ViewsSlice> = (set, get) => {
  const attempt = async (work: () => Promise<void>) => {
    set({ viewsError: null })
    try {
      await work()
      return true
    } catch (err) {
      set({ viewsError: errorMessage(err) })
      return false
    }
  }
  const select = (view: SavedView) => get().replaceQuery(view.query, view.layout, view.id)
  return {
    views: [],
    viewsError: null,
    loadViews: async () => set({ views: await ipc.listViews() }),
    saveViewAs: (name) =>
      attempt(async () => {
        const { query, layout } = get()
        const view = await ipc.saveView({ name: name.trim(), query, layout })
        await get().loadViews()
        select(view)
      }),
    updateView: () =>
      attempt(async () => {
        const { query, layout, viewId, views } = get()
        const current = views.find((v) => v.id === viewId)
        if (!current) return
        const view = await ipc.saveView({ id: current.id, name: current.name, query, layout })
        await get().loadViews()
        select(view)
      }),
    renameView: (id, name) =>
      attempt(async () => {
        const view = get().views.find((v) => v.id === id)
        if (!view) return
        await ipc.saveView({ id, name: name.trim(), query: view.query, layout: view.layout })
        await get().loadViews()
      }),
    applyView: (id) => {
      const view = get().views.find((v) => v.id === id)
      if (view) select(view)
      else get().replaceQuery(DEFAULT_QUERY, get().layout, null)
    },
    deleteView: (id) =>
      attempt(async () => {
        await ipc.deleteView(id)
        if (get().viewId === id) get().replaceQuery(get().query, get().layout, null)
        await get().loadViews()
      }),
    clearViewsError: () => set({ viewsError: null }),
  }
}
