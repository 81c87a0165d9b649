// App-wide facts: version and data folder, how the API key is held, and connecting a workspace
// (a key checked against the API, or the demo). A new workspace reloads what the list shows.
import type { StateCreator } from 'zustand'
import type { AppInfo, KeyStatus } from '@shared/ipc/types'
import { errorMessage, ipc } from '../lib/ipc'
import type { Store } from './index'

export interface AppSlice {
  info: AppInfo | null
  keyStatus: KeyStatus | null
  keyError: string | null
  /** Which action the error belongs to, so it is shown where it happened. */
  keyErrorFor: AppSlice['keyBusy']
  /** What is under way: checking a key, opening the demo, removing the key. */
  keyBusy: 'connect' | 'demo' | 'clear' | null
  loadApp: () => Promise<void>
  connect: (key: string) => Promise<boolean>
  openDemo: () => Promise<boolean>
  clearApiKey: () => Promise<boolean>
}

export const createAppSlice: StateCreator<Store, [], [], AppSlice> = (set, get) => {
  const guarded = async (busy: NonNullable<AppSlice['keyBusy']>, work: () => Promise<KeyStatus>, after?: () => void): Promise<boolean> => {
    set({ keyBusy: busy, keyError: null, keyErrorFor: null })
    try {
      const keyStatus = await work()
      set({ keyStatus, keyBusy: null })
      after?.()
      return true
    } catch (err) {
      set({ keyError: errorMessage(err), keyErrorFor: busy, keyBusy: null })
      return false
    }
  }
  const reloadWorkspace = () => {
    get().closeCall()
    get().loadSettings().catch(() => {})
    get().loadViews().catch(() => {})
    get().reloadRows('reset')
    ipc.syncStatus().then((sync) => set({ sync })).catch(() => {})
  }
  return {
    info: null,
    keyStatus: null,
    keyError: null,
    keyErrorFor: null,
    keyBusy: null,
    loadApp: async () => {
      const [info, keyStatus] = await Promise.all([ipc.appInfo(), ipc.hasApiKey()])
      set({ info, keyStatus })
    },
    connect: (key) => guarded('connect', () => ipc.connect(key.trim()), reloadWorkspace),
    openDemo: () => guarded('demo', () => ipc.openDemo(), reloadWorkspace),
    clearApiKey: () => guarded('clear', () => ipc.clearApiKey()),
  }
}
