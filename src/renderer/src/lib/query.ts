// The list's query as the renderer handles it (no paging), with helpers to tell filters from
// sorting, to compare two queries, and the date presets (calendar days, local time).
import type { CallQuery } from '@shared/query'

export type ListQuery = Omit<CallQuery, 'offset' | 'limit'>

export const DEFAULT_QUERY: ListQuery = { sortBy: 'createdAt', sortOrder: 'desc' }

const NOT_FILTERS = new Set(['sortBy', 'sortOrder'])

const isEmpty = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
const isGroup = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/**
 * Drops undefined values and empty lists, also inside a group of filters (query.review), and a
 * group left empty: equal queries serialise equally, and an empty group is no filter.
 */
export function cleanQuery(q: ListQuery): ListQuery {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(q)) {
    const kept = isGroup(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => !isEmpty(x))) : v
    if (isEmpty(kept) || (isGroup(kept) && Object.keys(kept).length === 0)) continue
    out[k] = kept
  }
  return out as ListQuery
}

/** The keys that narrow the list (search text included, sorting not). */
export const filterKeys = (q: ListQuery) => Object.keys(cleanQuery(q)).filter((k) => !NOT_FILTERS.has(k)) as (keyof ListQuery)[]
export const isFiltered = (q: ListQuery) => filterKeys(q).length > 0
export const onlySort = (q: ListQuery): ListQuery => ({ sortBy: q.sortBy ?? 'createdAt', sortOrder: q.sortOrder ?? 'desc' })

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    return `{${entries.sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}
export const sameValue = (a: unknown, b: unknown) => canonical(a) === canonical(b)

/** Local midnight `daysAgo` calendar days before `now` (setDate keeps it right across DST). */
const midnight = (daysAgo: number, now: Date) => {
  const d = new Date(now)
  d.setHours(0, 0, 0, 0)
  d.setDate(d.getDate() - daysAgo)
  return d
}

export type DatePreset = 'all' | 'today' | '7d' | '30d' | 'custom'
export const DATE_PRESETS: { id: Exclude<DatePreset, 'custom'>; label: string; days: number | null }[] = [
  { id: 'all', label: 'All', days: null },
  { id: 'today', label: 'Today', days: 0 },
  { id: '7d', label: '7 days', days: 6 },
  { id: '30d', label: '30 days', days: 29 },
]

/** createdFrom for a preset: local midnight `days` days ago (7 days = today and the 6 before). */
export const presetFrom = (days: number | null, now = new Date()) => (days === null ? undefined : midnight(days, now).toISOString())

export function presetOf(q: Pick<ListQuery, 'createdFrom' | 'createdTo'>, now = new Date()): DatePreset {
  if (!q.createdFrom && !q.createdTo) return 'all'
  if (q.createdTo) return 'custom'
  const hit = DATE_PRESETS.find((p) => p.days !== null && presetFrom(p.days, now) === new Date(q.createdFrom!).toISOString())
  return hit?.id ?? 'custom'
}

/** yyyy-mm-dd of an ISO instant in local time (for <input type="date">). */
export function localDay(iso: string | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}
/** The first or last instant of a local yyyy-mm-dd day as ISO. */
export function dayBound(day: string, end: boolean): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined
  const d = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`)
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString()
}
