// The user's settings as main stores them; changes are validated there and errors shown here.
import type { StateCreator } from 'zustand'
import type { Settings } from '@shared/settings'
import { errorMessage, ipc } from '../lib/ipc'
import type { Store } from './index'

export interface SettingsSlice {
  settings: Settings | null
  settingsError: string | null
  settingsSaved: boolean
  loadSettings: () => Promise<void>
  updateSettings: (patch: Partial<Settings>) => Promise<boolean>
}

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set) => ({
  settings: null,
  settingsError: null,
  settingsSaved: false,
  loadSettings: async () => set({ settings: await ipc.getSettings() }),
  updateSettings: async (patch) => {
    set({ settingsError: null, settingsSaved: false })
    try {
      set({ settings: await ipc.updateSettings(patch), settingsSaved: true })
      return true
    } catch (err) {
      set({ settingsError: errorMessage(err) })
      return false
    }
  },
})
