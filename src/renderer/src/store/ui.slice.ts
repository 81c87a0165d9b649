// Which screen is showing.
import type { StateCreator } from 'zustand'
import type { Store } from './index'

export type View = 'calls' | 'settings'

export interface UiSlice {
  view: View
  setView: (view: View) => void
}

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  view: 'calls',
  setView: (view) => set({ view }),
})
