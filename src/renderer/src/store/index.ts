// The renderer's one zustand store, made of slices (zustand's slices pattern).
import { create } from 'zustand'
import { createAppSlice, type AppSlice } from './app.slice'
import { createUiSlice, type UiSlice } from './ui.slice'

export type Store = AppSlice & UiSlice

export const useStore = create<Store>()((...a) => ({
  ...createAppSlice(...a),
  ...createUiSlice(...a),
}))
