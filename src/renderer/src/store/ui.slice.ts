// Which screen is showing, whether the filter panel is open, and a short notice ("Copied").
import type { StateCreator } from 'zustand'
import type { Store } from './index'

export type View = 'calls' | 'settings'

export interface UiSlice {
  view: View
  filtersOpen: boolean
  toast: { message: string; seq: number } | null
  setView: (view: View) => void
  toggleFilters: (open?: boolean) => void
  showToast: (message: string) => void
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null
  return {
    view: 'calls',
    filtersOpen: true,
    toast: null,
    setView: (view) => set({ view }),
    toggleFilters: (open) => {
      const next = open ?? !get().filtersOpen
      set({ filtersOpen: next })
      if (next) get().loadFacets()
    },
    showToast: (message) => {
      if (timer) clearTimeout(timer)
      set({ toast: { message, seq: (get().toast?.seq ?? 0) + 1 } })
      timer = setTimeout(() => set({ toast: null }), 2500)
    },
  }
}
