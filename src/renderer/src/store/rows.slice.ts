// The rows of the call list, fetched in blocks of BLOCK by offset around what is on screen and
// cached (at most MAX_BLOCKS blocks, the farthest from the screen dropped first), so 100k calls
// never load at once. Each query change starts a new generation: the old rows stay on screen
// until the first block of the new query arrives, then are swapped in one go (no flash). A
// refresh (new calls from a sync) keeps what is shown and refetches only the blocks on screen.
import type { StateCreator } from 'zustand'
import type { CallFacets, CallRow } from '@shared/query'
import { errorMessage, ipc } from '../lib/ipc'
import type { Store } from './index'

/**
 * A block is about two screens of rows: enough for the first screen at once, and small enough that
 * a new query's first rows (with their text snippets, cut in main) come back quickly.
 */
export const BLOCK = 50
const MAX_BLOCKS = 80
const REFRESH_MS = 1000

export interface Block {
  gen: number
  rows: CallRow[]
}

export interface RowsSlice {
  /** The newest request; the rows shown belong to shownGeneration. */
  generation: number
  shownGeneration: number
  /** A new query's first rows are on their way (the old ones are still shown). */
  resetPending: boolean
  total: number | null
  blocks: Map<number, Block>
  listError: string | null
  facets: CallFacets | null
  /** The counts of facetsFor's query are on their way. */
  facetsLoading: boolean
  facetsError: string | null
  selected: number
  /** Bumped when a new query's rows arrive: the table scrolls back to the top. */
  scrollSeq: number
  reloadRows: (mode: 'reset' | 'refresh') => void
  /** Fetches the facet counts for the current query (only while the filter panel shows them). */
  loadFacets: () => void
  /** A throttled refresh, for sync progress: at most one a second, and one after the last call. */
  refreshList: () => void
  ensureRange: (first: number, last: number) => void
  select: (index: number) => void
}

export const rowAt = (blocks: Map<number, Block>, index: number): CallRow | undefined => blocks.get(Math.floor(index / BLOCK))?.rows[index % BLOCK]

export const createRowsSlice: StateCreator<Store, [], [], RowsSlice> = (set, get) => {
  const inflight = new Set<string>()
  let range = { first: 0, last: 0 }
  let refreshTimer: ReturnType<typeof setTimeout> | null = null
  let lastRefresh = 0
  let facetsSeq = 0

  const evict = (blocks: Map<number, Block>) => {
    if (blocks.size <= MAX_BLOCKS) return
    const centre = (range.first + range.last) / 2 / BLOCK
    const far = [...blocks.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
    for (const block of far.slice(0, blocks.size - MAX_BLOCKS)) blocks.delete(block)
  }

  /** After the rows have painted: counts come second, never hold up the list, and are only
   * asked for while the filter panel shows them (at 100k calls they take main a while). */
  const loadFacets = (gen: number) =>
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (get().generation !== gen || !get().filtersOpen) return
        const seq = ++facetsSeq
        set({ facetsLoading: true })
        ipc
          .callFacets(get().query)
          // Only the newest request's answer counts: main ends a replaced one as CANCELLED, not an error to show.
          .then((facets) => seq === facetsSeq && get().generation === gen && set({ facets, facetsError: null }))
          .catch((err: unknown) => seq === facetsSeq && get().generation === gen && set({ facetsError: errorMessage(err) }))
          .finally(() => seq === facetsSeq && set({ facetsLoading: false }))
      }, 0),
    )

  const fetchBlock = async (gen: number, block: number, reset: boolean) => {
    const key = `${gen}:${block}`
    if (inflight.has(key)) return
    inflight.add(key)
    try {
      const page = await ipc.listCalls({ ...get().query, offset: block * BLOCK, limit: BLOCK })
      if (get().generation !== gen) return
      const blocks = reset ? new Map<number, Block>() : new Map(get().blocks)
      blocks.set(block, { gen, rows: page.rows })
      evict(blocks)
      const selected = reset ? 0 : Math.min(get().selected, Math.max(0, page.total - 1))
      set({ blocks, total: page.total, shownGeneration: gen, resetPending: false, listError: null, selected, ...(reset ? { scrollSeq: get().scrollSeq + 1 } : {}) })
      if (reset) loadFacets(gen)
    } catch (err) {
      if (get().generation !== gen) return
      // A new query that fails shows the error instead of the old query's rows.
      set(reset ? { listError: errorMessage(err), resetPending: false, blocks: new Map(), total: null } : { listError: errorMessage(err) })
    } finally {
      inflight.delete(key)
    }
  }

  return {
    generation: 0,
    shownGeneration: 0,
    resetPending: false,
    total: null,
    blocks: new Map(),
    listError: null,
    facets: null,
    facetsLoading: false,
    facetsError: null,
    selected: 0,
    scrollSeq: 0,
    reloadRows: (mode) => {
      if (mode === 'refresh' && get().resetPending) return
      const gen = get().generation + 1
      set({ generation: gen, ...(mode === 'reset' ? { resetPending: true } : {}) })
      if (mode === 'reset') void fetchBlock(gen, 0, true)
      else {
        get().ensureRange(range.first, range.last)
        loadFacets(gen)
      }
    },
    loadFacets: () => loadFacets(get().generation),
    refreshList: () => {
      if (refreshTimer) return
      refreshTimer = setTimeout(() => {
        refreshTimer = null
        lastRefresh = Date.now()
        get().reloadRows('refresh')
      }, Math.max(0, lastRefresh + REFRESH_MS - Date.now()))
    },
    ensureRange: (first, last) => {
      range = { first, last }
      const { generation, blocks, resetPending, total } = get()
      if (resetPending) return
      const lastBlock = Math.floor(Math.min(last, Math.max(0, (total ?? 1) - 1)) / BLOCK)
      for (let block = Math.floor(first / BLOCK); block <= lastBlock; block++) {
        if ((blocks.get(block)?.gen ?? -1) < generation) void fetchBlock(generation, block, false)
      }
    },
    select: (index) => set({ selected: Math.max(0, Math.min((get().total ?? 1) - 1, index)) }),
  }
}
