// App-wide facts: version and data folder, how the API key is held, and connecting a workspace
// (a checked API key, or the demo).
import type { StateCreator } from 'zustand'
import type { AppInfo, KeyStatus } from '@shared/ipc/types'
import { errorMessage, ipc } from '../lib/ipc'
import type { Store } from './index'

export interface AppSlice {
  info: AppInfo | null
  keyStatus: KeyStatus | null
  keyError: string | null
  keyBusy: boolean
  loadApp: () => Promise<void>
  connect: (key: string) => Promise<boolean>
  openDemo: () => Promise<boolean>
  clearApiKey: () => Promise<void>
}

export const createAppSlice: StateCreator<Store, [], [], AppSlice> = (set, get) => {
  const guarded = async (work: () => Promise<KeyStatus>): Promise<boolean> => {
    set({ keyBusy: true, keyError: null })
    try {
      set({ keyStatus: await work(), keyBusy: false })
      return true
    } catch (err) {
      set({ keyError: errorMessage(err), keyBusy: false })
      return false
    }
  }
  return {
    info: null,
    keyStatus: null,
    keyError: null,
    keyBusy: false,
    loadApp: async () => {
      const [info, keyStatus] = await Promise.all([ipc.appInfo(), ipc.hasApiKey()])
      set({ info, keyStatus })
    },
    connect: async (key) => {
      const ok = await guarded(() => ipc.connect(key))
      if (ok) void get().loadSettings()
      return ok
    },
    openDemo: async () => {
      const ok = await guarded(() => ipc.openDemo())
      if (ok) void get().loadSettings()
      return ok
    },
    clearApiKey: async () => {
      await guarded(() => ipc.clearApiKey())
    },
  }
}
