// The call that is open beside the list. Opening a call whose transcript is not cached yet asks
// main for it at once (ahead of the background queue); its recording and alignment are asked for
// alongside (player slice), so the waveform and the facts arrive together.
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
    const keep = get().openCall?.call.id === id ? get().openCall : null
    set({ openId: id, callLoading: true, callError: null, openCall: keep })
    if (get().mediaFor !== id || get().mediaError) void get().loadMedia(id)
    // What was written about it, and the scorecards (an import may have brought new ones), at once.
    if (get().review?.callId !== id) void get().loadReview(id)
    void get().loadRubrics()
    try {
      const view = await ipc.getCall(id)
      if (get().openId === id) set({ openCall: view, callLoading: false })
    } catch (err) {
      if (get().openId === id) set({ callError: errorMessage(err), callLoading: false })
    }
  },
  closeCall: () => {
    set({ openId: null, openCall: null, callError: null, callLoading: false })
    get().clearMedia()
  },
})
