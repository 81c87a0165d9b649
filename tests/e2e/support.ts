// Helpers the e2e tests share: what the list shows (count, row ids in order) and what the query
// service (which the CLI uses too) answers for the same query.
import type { CallQuery } from '@shared/query'
import type { ListState, SavedView } from '@shared/settings'
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/server'
import { launch, type Harness } from './harness'

export const KEY = 'sk_test_earmark'

/** The number in the list header ("1,234 calls"). */
export async function shownCount(h: Harness): Promise<number> {
  const text = (await h.page.getByTestId('result-count').textContent()) ?? ''
  return text.trim() === '' ? NaN : Number(text.replace(/\D/g, ''))
}

export const expectedCount = (h: Harness, q: CallQuery) => h.services.store.query.list({ ...q, limit: 1 }).total
export const expectedIds = (h: Harness, q: CallQuery, n: number) => h.services.store.query.list({ ...q, limit: n }).rows.map((r) => r.id)

/** Ids of the rows in the DOM that have data, in list order. */
export async function shownIds(h: Harness, n: number): Promise<string[]> {
  return h.page.evaluate((n) => {
    const rows = [...document.querySelectorAll<HTMLElement>('[role="grid"] [role="row"][data-call-id]')]
    rows.sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
    return rows.slice(0, n).map((r) => r.dataset.callId!)
  }, n)
}

async function invoke<T>(h: Harness, channel: string, args: unknown[] = []): Promise<T> {
  const result = await h.services.dispatch(channel, args)
  if (!result.ok) throw new Error(result.error.message)
  return result.value as T
}
export const listState = (h: Harness) => invoke<ListState | null>(h, 'ui:getListState')
export const savedViews = (h: Harness) => invoke<SavedView[]>(h, 'views:list')

/** Records the renderer's calls:list requests (the harness looks dispatch up on every call). */
export function recordListRequests(h: Harness): { requests: CallQuery[]; stop(): void } {
  const original = h.services.dispatch
  const requests: CallQuery[] = []
  h.services.dispatch = (channel, args) => {
    if (channel === 'calls:list') requests.push(args[0] as CallQuery)
    return original(channel, args)
  }
  return { requests, stop: () => void (h.services.dispatch = original) }
}

/** Local midnight `days` calendar days ago, as the date presets compute it. */
export function midnightDaysAgo(days: number): string {
  const d = new Date()
  d.setHours(0, 0, 0, 0)
  d.setDate(d.getDate() - days)
  return d.toISOString()
}

/** The emulator, the app pointed at it with its key, the cache synced, and the list on screen. */
export async function syncedWorkspace(emulator: EmulatorOptions, details: 'all' | 'none'): Promise<{ h: Harness; emu: Emulator }> {
  const emu = await startEmulator({ apiKey: KEY, ...emulator })
  const h = await launch({ baseUrl: emu.url, apiKey: KEY })
  await h.services.sync()!.run({ details })
  await h.page.reload()
  await h.page.getByRole('grid', { name: 'Calls' }).waitFor()
  return { h, emu }
}
