// The call list: the query (filters + sort), the layout (columns, widths), and the rows fetched
// so far. Rows come in blocks of BLOCK by offset around what is on screen, so 100k calls never
// load at once; a new query starts a new generation and drops the old blocks.
import type { StateCreator } from 'zustand'
import type { CallFacets, CallQuery, CallRow, CallSortColumn } from '@shared/query'
import { CALL_COLUMNS, type CallColumn, type ListLayout } from '@shared/settings'
import { errorMessage, ipc } from '../lib/ipc'
import type { Store } from './index'

export const BLOCK = 100
export type ListQuery = Omit<CallQuery, 'offset' | 'limit'>

export const DEFAULT_LAYOUT: ListLayout = {
  columns: [...CALL_COLUMNS],
  widths: {},
}
export const DEFAULT_QUERY: ListQuery = { sortBy: 'createdAt', sortOrder: 'desc' }

export interface ListSlice {
  query: ListQuery
  layout: ListLayout
  viewId: string | null
  generation: number
  total: number | null
  rows: Map<number, CallRow>
  loadingBlocks: Set<number>
  facets: CallFacets | null
  listError: string | null
  selected: number
  restoreList: () => Promise<void>
  setQuery: (patch: Partial<ListQuery>, opts?: { keepView?: boolean }) => void
  replaceQuery: (query: ListQuery, layout?: ListLayout, viewId?: string | null) => void
  toggleSort: (column: CallSortColumn) => void
  setColumns: (columns: CallColumn[]) => void
  setWidth: (column: CallColumn, width: number) => void
  ensureRange: (first: number, last: number) => void
  refreshList: () => void
  select: (index: number) => void
}

let persistTimer: ReturnType<typeof setTimeout> | null = null
let lastRefresh = 0

export const createListSlice: StateCreator<Store, [], [], ListSlice> = (set, get) => {
  const persist = () => {
    if (persistTimer) clearTimeout(persistTimer)
    persistTimer = setTimeout(() => {
      const { query, layout, viewId } = get()
      ipc.setListState({ query, layout, viewId }).catch(() => {})
    }, 300)
  }

  const fetchBlock = async (generation: number, block: number) => {
    const { query, loadingBlocks } = get()
    if (loadingBlocks.has(block)) return
    set({ loadingBlocks: new Set(loadingBlocks).add(block) })
    try {
      const page = await ipc.listCalls({ ...query, offset: block * BLOCK, limit: BLOCK })
      if (get().generation !== generation) return
      const rows = new Map(get().rows)
      page.rows.forEach((row, i) => rows.set(block * BLOCK + i, row))
      set({ rows, total: page.total, listError: null })
    } catch (err) {
      if (get().generation === generation) set({ listError: errorMessage(err) })
    } finally {
      const loading = new Set(get().loadingBlocks)
      loading.delete(block)
      set({ loadingBlocks: loading })
    }
  }

  const reload = (keepRows = false) => {
    const generation = get().generation + 1
    set({ generation, loadingBlocks: new Set(), ...(keepRows ? {} : { rows: new Map(), total: null, selected: 0 }) })
    void fetchBlock(generation, 0)
    ipc.callFacets(get().query).then((facets) => get().generation === generation && set({ facets })).catch(() => {})
  }

  return {
    query: DEFAULT_QUERY,
    layout: DEFAULT_LAYOUT,
    viewId: null,
    generation: 0,
    total: null,
    rows: new Map(),
    loadingBlocks: new Set(),
    facets: null,
    listError: null,
    selected: 0,
    restoreList: async () => {
      const state = await ipc.getListState().catch(() => null)
      if (state) set({ query: state.query, layout: state.layout, viewId: state.viewId })
      reload()
    },
    setQuery: (patch, opts) => {
      const query = { ...get().query, ...patch }
      for (const key of Object.keys(query) as (keyof ListQuery)[]) if (query[key] === undefined) delete query[key]
      set({ query, ...(opts?.keepView ? {} : { viewId: null }) })
      persist()
      reload()
    },
    replaceQuery: (query, layout, viewId = null) => {
      set({ query, viewId, ...(layout ? { layout } : {}) })
      persist()
      reload()
    },
    toggleSort: (column) => {
      const { sortBy, sortOrder } = get().query
      get().setQuery({ sortBy: column, sortOrder: sortBy === column && sortOrder === 'desc' ? 'asc' : 'desc' }, { keepView: true })
    },
    setColumns: (columns) => {
      const ordered = CALL_COLUMNS.filter((c) => columns.includes(c))
      if (ordered.length === 0) return
      set({ layout: { ...get().layout, columns: ordered } })
      persist()
    },
    setWidth: (column, width) => {
      set({ layout: { ...get().layout, widths: { ...get().layout.widths, [column]: Math.round(Math.max(40, Math.min(1200, width))) } } })
      persist()
    },
    ensureRange: (first, last) => {
      const { generation, rows } = get()
      for (let block = Math.floor(first / BLOCK); block <= Math.floor(last / BLOCK); block++) {
        if (!rows.has(block * BLOCK)) void fetchBlock(generation, block)
      }
    },
    refreshList: () => {
      // While a sync runs this is called often: at most once a second, keeping what is shown.
      if (Date.now() - lastRefresh < 1000) return
      lastRefresh = Date.now()
      reload(true)
    },
    select: (index) => {
      const total = get().total ?? 0
      set({ selected: Math.max(0, Math.min(total - 1, index)) })
    },
  }
}
