// The open call's recording as main describes it (MediaInfo: state, URLs, alignment) and the
// reviewer's playback preferences, which carry over from call to call in a session. Per-frame
// values (the playback time) never come here: see features/player/clock.ts and useActiveTurn.
import type { StateCreator } from 'zustand'
import type { MediaInfo } from '@shared/media'
import { errorMessage, ipc } from '../lib/ipc'
import type { Store } from './index'

export type Solo = 'both' | 'agent' | 'caller'
export const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const

export interface PlayerSlice {
  media: MediaInfo | null
  mediaFor: string | null
  mediaLoading: boolean
  mediaError: string | null
  /** The channel mapping is being changed (realignment under way). */
  mappingBusy: boolean
  rate: number
  solo: Solo
  skipSilence: boolean
  /** The waveform and the transcript follow the playhead. */
  follow: boolean
  /** The list is hidden so the call view has the whole main area. */
  listHidden: boolean
  loadMedia: (callId: string) => Promise<void>
  clearMedia: () => void
  setAgentChannel: (channel: 0 | 1 | 'auto') => Promise<void>
  setRate: (rate: number) => void
  stepRate: (dir: 1 | -1) => void
  setSolo: (solo: Solo) => void
  toggleSkipSilence: () => void
  setFollow: (follow: boolean) => void
  toggleList: (hidden?: boolean) => void
}

export const createPlayerSlice: StateCreator<Store, [], [], PlayerSlice> = (set, get) => ({
  media: null,
  mediaFor: null,
  mediaLoading: false,
  mediaError: null,
  mappingBusy: false,
  rate: 1,
  solo: 'both',
  skipSilence: false,
  follow: true,
  listHidden: false,
  loadMedia: async (callId) => {
    const keep = get().mediaFor === callId ? get().media : null
    set({ mediaFor: callId, media: keep, mediaLoading: true, mediaError: null })
    try {
      const media = await ipc.openMedia(callId)
      if (get().mediaFor === callId) set({ media, mediaLoading: false })
    } catch (err) {
      if (get().mediaFor === callId) set({ mediaError: errorMessage(err), mediaLoading: false })
    }
  },
  clearMedia: () => set({ media: null, mediaFor: null, mediaLoading: false, mediaError: null, listHidden: false }),
  setAgentChannel: async (channel) => {
    const { media, mediaFor } = get()
    if (!media || !mediaFor) return
    set({ mappingBusy: true, mediaError: null })
    try {
      const alignment = await ipc.setAgentChannel(mediaFor, channel)
      const now = get().media
      if (now && now.callId === mediaFor) set({ media: { ...now, alignment } })
    } catch (err) {
      set({ mediaError: errorMessage(err) })
    } finally {
      set({ mappingBusy: false })
    }
  },
  setRate: (rate) => set({ rate: Math.min(3, Math.max(0.5, rate)) }),
  stepRate: (dir) => {
    const i = RATES.findIndex((r) => r >= get().rate - 1e-6)
    const at = i < 0 ? RATES.length - 1 : i
    set({ rate: RATES[Math.min(RATES.length - 1, Math.max(0, at + dir))]! })
  },
  setSolo: (solo) => set({ solo }),
  toggleSkipSilence: () => set({ skipSilence: !get().skipSilence }),
  setFollow: (follow) => set({ follow }),
  toggleList: (hidden) => set({ listHidden: hidden ?? !get().listHidden }),
})
