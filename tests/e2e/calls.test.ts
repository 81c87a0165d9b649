// The call list in Chromium over the real services and a cache synced from the emulator: the
// counts shown equal the query service's (which the CLI also uses), and filters, search, sorting,
// keyboard, saved views and the facts pane behave as a reviewer expects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallQuery } from '@shared/query'
import { startEmulator, type Emulator } from '../../src/emulator/server'
import { launch, type Harness } from './harness'

const KEY = 'sk_test_earmark'
let h: Harness
let emu: Emulator

const shown = async () => Number((await h.page.getByTestId('result-count').textContent())?.replace(/[^0-9]/g, ''))
const expected = (q: CallQuery) => h.services.store.query.list({ ...q, limit: 1 }).total
const firstRowId = async () => (await h.page.getByRole('row').nth(1).getByRole('gridcell').nth(1).textContent()) ?? ''

beforeAll(async () => {
  emu = await startEmulator({ calls: 800, seed: 12 })
  h = await launch({ baseUrl: emu.url, apiKey: KEY })
  await h.services.sync()!.run({ details: 'all' })
  await h.page.reload()
  await h.page.getByRole('grid', { name: 'Calls' }).waitFor()
}, 120_000)
afterAll(async () => {
  await h?.close()
  await emu?.close()
})

describe('call list', () => {
  it('shows every synced call, newest first', async () => {
    await expect.poll(shown).toBe(expected({}))
    expect(await firstRowId()).toBe(h.services.store.query.list({ limit: 1 }).rows[0]!.id)
    await h.screenshot('calls-list')
  })

  it('narrows by a facet, with counts matching the query service', async () => {
    const { page } = h
    const failed = page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: /Failed/ })
    await failed.check()
    await expect.poll(shown).toBe(expected({ statuses: ['failed'] }))
    await page.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /Outbound/ }).check()
    await expect.poll(shown).toBe(expected({ statuses: ['failed'], types: ['telephony_outbound'] }))
    const facetCount = await page.getByRole('group', { name: 'Type' }).locator('label', { hasText: 'Outbound' }).locator('.facet-count').textContent()
    expect(Number(facetCount)).toBe(expected({ statuses: ['failed'], types: ['telephony_outbound'] }))
    await h.screenshot('calls-filtered')
    await page.getByRole('button', { name: /^Clear/ }).click()
    await expect.poll(shown).toBe(expected({}))
  })

  it('searches transcripts and highlights the match', async () => {
    const { page } = h
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search')
    await page.keyboard.type('refund')
    await expect.poll(shown).toBe(expected({ text: 'refund' }))
    expect(await shown()).toBeGreaterThan(0)
    await expect.poll(() => page.locator('mark').first().textContent()).toMatch(/refund/i)
    await h.screenshot('calls-search')
    await page.keyboard.press('Escape')
    await expect.poll(shown).toBe(expected({}))
  })

  it('sorts by a column header, both ways', async () => {
    const { page } = h
    const header = page.getByRole('columnheader', { name: /Duration/ })
    await header.getByRole('button').click()
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending')
    await expect.poll(firstRowId).toBe(h.services.store.query.list({ sortBy: 'duration', sortOrder: 'desc', limit: 1 }).rows[0]!.id)
    await header.getByRole('button').click()
    await expect.poll(firstRowId).toBe(h.services.store.query.list({ sortBy: 'duration', sortOrder: 'asc', limit: 1 }).rows[0]!.id)
    await page.getByRole('columnheader', { name: /Time/ }).getByRole('button').click()
  })

  it('moves with the keyboard and opens the selected call with Enter', async () => {
    const { page } = h
    await page.getByRole('grid', { name: 'Calls' }).focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    const third = h.services.store.query.list({ limit: 3 }).rows[2]!
    const pane = page.getByRole('region', { name: 'Call detail' })
    await expect.poll(() => pane.getByRole('heading', { level: 2 }).textContent()).toBe(third.id)
    await expect.poll(() => pane.textContent()).toContain('Ended because')
    await h.screenshot('calls-detail')
  })

  it('shows the transcript of a completed call in the facts pane', async () => {
    const { page } = h
    const done = h.services.store.query.list({ statuses: ['completed'], durationMin: 20, limit: 1 }).rows[0]!
    await page.getByRole('searchbox').fill(done.id)
    await expect.poll(shown).toBe(1)
    await page.getByRole('row').nth(1).click()
    const pane = page.getByRole('region', { name: 'Call detail' })
    await expect.poll(() => pane.locator('.turn').count()).toBeGreaterThan(1)
    expect(await pane.textContent()).toMatch(/Disposition/)
    await page.getByRole('searchbox').fill('')
    await page.getByRole('button', { name: 'Close call' }).click()
  })

  it('keeps a saved view and the last list state across a reload', async () => {
    const { page } = h
    await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: /No answer/ }).check()
    await expect.poll(shown).toBe(expected({ statuses: ['no_answer'] }))
    await page.getByRole('button', { name: 'Save view' }).click()
    await page.getByLabel('View name').fill('Unanswered')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => page.getByLabel('Saved view').inputValue()).not.toBe('')
    await page.waitForTimeout(400) // the list state is written 300 ms after the last change
    await page.reload()
    await page.getByRole('grid', { name: 'Calls' }).waitFor()
    await expect.poll(shown).toBe(expected({ statuses: ['no_answer'] }))
    expect(await page.getByLabel('Saved view').locator('option:checked').textContent()).toBe('Unanswered')
    expect(await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: /No answer/ }).isChecked()).toBe(true)
    await page.getByLabel('Saved view').selectOption({ label: 'All calls' })
    await expect.poll(shown).toBe(expected({}))
  })

  it('hides and shows columns', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Call ID' }).uncheck()
    await expect.poll(() => page.getByRole('columnheader', { name: /Call ID/ }).count()).toBe(0)
    await page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Call ID' }).check()
    await page.getByRole('button', { name: 'Columns' }).click()
  })

  it('syncs with faults switched on, showing progress until it finishes', async () => {
    const { page } = h
    emu.setFaults('429:0.15,500:0.1,slow:0.05')
    const before = h.services.sync()!.status().lastSyncMs
    h.services.store.cache.exec("UPDATE calls SET detail_state = 'stale' WHERE rowid % 8 = 0")
    await page.getByRole('button', { name: 'Sync now' }).click()
    await page.getByTestId('sync-progress').waitFor()
    await h.screenshot('sync-in-progress')
    await expect.poll(() => h.services.sync()!.status().running, { timeout: 90_000 }).toBe(false)
    expect(h.services.sync()!.status().error).toBeNull()
    expect(h.services.sync()!.status().lastSyncMs).not.toBe(before)
    await expect.poll(() => page.getByTestId('last-sync').textContent()).toMatch(/just now/)
    emu.setFaults(null)
  }, 120_000)

  it('edits settings with validation', async () => {
    const { page } = h
    await page.getByRole('button', { name: /Settings/ }).click()
    await page.getByLabel('Sync every (minutes)').fill('-3')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/syncIntervalMin/)
    await page.getByLabel('Sync every (minutes)').fill('30')
    await page.getByLabel('Reviewer name').fill('Ana')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect.poll(() => h.services.settings.get().reviewerName).toBe('Ana')
    expect(h.services.settings.get().syncIntervalMin).toBe(30)
    await h.screenshot('settings')
    expect(h.pageErrors).toEqual([])
  })
})
