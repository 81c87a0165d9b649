// The call that is open beside the list.
import type { StateCreator } from 'zustand'
import type { CallView } from '@shared/ipc/types'
import { errorMessage, ipc } from '../lib/ipc'
import type { Store } from './index'

export interface CallSlice {
  openId: string | null
  openCall: CallView | null
  callLoading: boolean
  callError: string | null
  openCallById: (id: string) => Promise<void>
  closeCall: () => void
}

export const createCallSlice: StateCreator<Store, [], [], CallSlice> = (set, get) => ({
  openId: null,
  openCall: null,
  callLoading: false,
  callError: null,
  openCallById: async (id) => {
    set({ openId: id, callLoading: true, callError: null, openCall: get().openCall?.call.id === id ? get().openCall : null })
    try {
      const view = await ipc.getCall(id)
      if (get().openId === id) set({ openCall: view, callLoading: false })
    } catch (err) {
      if (get().openId === id) set({ callError: errorMessage(err), callLoading: false })
    }
  },
  closeCall: () => set({ openId: null, openCall: null, callError: null }),
})
