// The user's settings as main stores them. The form validates first; main validates again and a
// refusal is returned to the form, which shows it beside the field it concerns.
import type { StateCreator } from 'zustand'
import type { Settings } from '@shared/settings'
import { ipc } from '../lib/ipc'
import type { Store } from './index'

export interface SettingsSlice {
  settings: Settings | null
  loadSettings: () => Promise<void>
  /** Saves a patch; throws what main refused. */
  updateSettings: (patch: Partial<Settings>) => Promise<Settings>
}

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set) => ({
  settings: null,
  loadSettings: async () => set({ settings: await ipc.getSettings() }),
  updateSettings: async (patch) => {
    const settings = await ipc.updateSettings(patch)
    set({ settings })
    return settings
  },
})
