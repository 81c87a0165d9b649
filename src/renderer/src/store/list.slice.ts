// What the call list asks for and how it shows it: the query (filters + sort), the layout
// (columns, widths) and the saved view it came from. Every change reloads the rows and is saved,
// debounced, as the list state so the list comes back the same after a restart or a reload.
import type { StateCreator } from 'zustand'
import type { CallSortColumn } from '@shared/query'
import { CALL_COLUMNS, type CallColumn, type ListLayout } from '@shared/settings'
import { ipc } from '../lib/ipc'
import { cleanQuery, DEFAULT_QUERY, onlySort, sameValue, type ListQuery } from '../lib/query'
import type { Store } from './index'

export const DEFAULT_LAYOUT: ListLayout = { columns: [...CALL_COLUMNS], widths: {} }
/** Text-like columns read best A→Z first; times and amounts largest first. */
const ASC_FIRST: ReadonlySet<CallSortColumn> = new Set(['status', 'type', 'agent', 'from', 'to', 'reason', 'id'])
const PERSIST_MS = 300

export interface ListSlice {
  query: ListQuery
  layout: ListLayout
  viewId: string | null
  restoreList: () => Promise<void>
  /** Merges a patch into the query (undefined removes a key). */
  setQuery: (patch: Partial<ListQuery>) => void
  replaceQuery: (query: ListQuery, layout?: ListLayout, viewId?: string | null) => void
  clearFilters: () => void
  toggleSort: (column: CallSortColumn) => void
  setColumns: (columns: CallColumn[]) => void
  /** null restores the column's default width. */
  setWidth: (column: CallColumn, width: number | null) => void
  resetWidths: () => void
  flushListState: () => void
}

export const createListSlice: StateCreator<Store, [], [], ListSlice> = (set, get) => {
  let persistTimer: ReturnType<typeof setTimeout> | null = null
  const write = () => {
    persistTimer = null
    const { query, layout, viewId } = get()
    ipc.setListState({ query, layout, viewId }).catch(() => {})
  }
  const persist = () => {
    if (persistTimer) clearTimeout(persistTimer)
    persistTimer = setTimeout(write, PERSIST_MS)
  }
  const setLayout = (layout: ListLayout) => {
    set({ layout })
    persist()
  }
  return {
    query: DEFAULT_QUERY,
    layout: DEFAULT_LAYOUT,
    viewId: null,
    restoreList: async () => {
      const state = await ipc.getListState().catch(() => null)
      if (state) set({ query: cleanQuery(state.query), layout: state.layout, viewId: state.viewId })
      get().reloadRows('reset')
    },
    setQuery: (patch) => {
      set({ query: cleanQuery({ ...get().query, ...patch }) })
      persist()
      get().reloadRows('reset')
    },
    replaceQuery: (query, layout, viewId = null) => {
      const next = cleanQuery(query)
      // Saving, renaming or deleting a view keeps what is shown: no refetch, no jump to the top.
      const same = sameValue(next, get().query)
      set({ query: next, viewId, ...(layout ? { layout } : {}) })
      persist()
      if (!same) get().reloadRows('reset')
    },
    clearFilters: () => get().setQuery(onlySortPatch(get().query)),
    toggleSort: (column) => {
      const { sortBy, sortOrder } = get().query
      const order = sortBy === column ? (sortOrder === 'asc' ? 'desc' : 'asc') : ASC_FIRST.has(column) ? 'asc' : 'desc'
      get().setQuery({ sortBy: column, sortOrder: order })
    },
    setColumns: (columns) => {
      const ordered = CALL_COLUMNS.filter((c) => columns.includes(c))
      if (ordered.length) setLayout({ ...get().layout, columns: ordered })
    },
    setWidth: (column, width) => {
      const widths = { ...get().layout.widths }
      if (width === null) delete widths[column]
      else widths[column] = Math.round(Math.max(48, Math.min(1200, width)))
      setLayout({ ...get().layout, widths })
    },
    resetWidths: () => setLayout({ ...get().layout, widths: {} }),
    flushListState: () => {
      if (!persistTimer) return
      clearTimeout(persistTimer)
      write()
    },
  }
}

/** A patch that removes every filter and keeps the sort. */
function onlySortPatch(q: ListQuery): Partial<ListQuery> {
  const patch: Record<string, unknown> = Object.fromEntries(Object.keys(q).map((k) => [k, undefined]))
  return { ...patch, ...onlySort(q) }
}
