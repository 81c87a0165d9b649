// The renderer's one zustand store, made of slices (zustand's slices pattern): actions live
// beside their state, components select narrowly (useShallow for several values).
import { create } from 'zustand'
import { createAppSlice, type AppSlice } from './app.slice'
import { createCallSlice, type CallSlice } from './call.slice'
import { createListSlice, type ListSlice } from './list.slice'
import { createPlayerSlice, type PlayerSlice } from './player.slice'
import { createReviewSlice, type ReviewSlice } from './review.slice'
import { createRowsSlice, type RowsSlice } from './rows.slice'
import { createSettingsSlice, type SettingsSlice } from './settings.slice'
import { createSyncSlice, type SyncSlice } from './sync.slice'
import { createUiSlice, type UiSlice } from './ui.slice'
import { createViewsSlice, type ViewsSlice } from './views.slice'

export type Store = AppSlice & UiSlice & SettingsSlice & SyncSlice & ListSlice & RowsSlice & ViewsSlice & CallSlice & PlayerSlice & ReviewSlice

export const createStore = () =>
  create<Store>()((...a) => ({
    ...createAppSlice(...a),
    ...createUiSlice(...a),
    ...createSettingsSlice(...a),
    ...createSyncSlice(...a),
    ...createListSlice(...a),
    ...createRowsSlice(...a),
    ...createViewsSlice(...a),
    ...createCallSlice(...a),
    ...createPlayerSlice(...a),
    ...createReviewSlice(...a),
  }))

export const useStore = createStore()
