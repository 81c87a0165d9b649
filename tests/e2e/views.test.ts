// Saved views and the list's last state in Chromium: a view is saved with its filters, sort and
// columns, survives a page reload (as does the unsaved list state), can be updated, renamed and
// deleted; "All calls" goes back to everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../../src/emulator/server'
import type { Harness } from './harness'
import { expectedCount, expectedIds, listState, savedViews, shownCount, shownIds, syncedWorkspace } from './support'

let h: Harness
let emu: Emulator
const shown = () => shownCount(h)
const expected = (q: Parameters<typeof expectedCount>[1]) => expectedCount(h, q)
const views = () => h.page.getByRole('navigation', { name: 'Saved views' })
const status = () => h.page.getByRole('complementary', { name: 'Filters' }).getByRole('group', { name: 'Status' })

beforeAll(async () => {
  ;({ h, emu } = await syncedWorkspace({ calls: 400, seed: 21 }, 'none'))
}, 120_000)
afterAll(async () => {
  await h?.close()
  await emu?.close()
})

describe('saved views', () => {
  it('saves a view with its filters, sort and columns, and keeps it across a reload', async () => {
    const { page } = h
    await status().getByRole('checkbox', { name: /No answer/ }).check()
    await expect.poll(shown).toBe(expected({ statuses: ['no_answer'] }))
    await page.getByRole('columnheader', { name: /Agent/ }).getByRole('button').click()
    await page.getByRole('button', { name: 'Columns' }).click()
    await page.getByRole('dialog', { name: 'Columns' }).getByRole('checkbox', { name: 'Summary' }).uncheck()
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Save view…' }).click()
    await page.getByLabel('View name').fill('Unanswered')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Unanswered' }).waitFor()
    expect(await views().getByRole('button', { name: 'Unanswered' }).getAttribute('aria-current')).toBe('true')
    const [view] = await savedViews(h)
    expect(view).toMatchObject({ name: 'Unanswered', query: { statuses: ['no_answer'], sortBy: 'agent', sortOrder: 'asc' } })
    expect(view!.layout.columns).not.toContain('summary')
    await expect.poll(async () => (await listState(h))?.viewId).toBe(view!.id)

    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Unanswered' }).waitFor()
    await expect.poll(shown).toBe(expected({ statuses: ['no_answer'] }))
    await expect.poll(() => shownIds(h, 3)).toEqual(expectedIds(h, { statuses: ['no_answer'], sortBy: 'agent', sortOrder: 'asc' }, 3))
    expect(await status().getByRole('checkbox', { name: /No answer/ }).isChecked()).toBe(true)
    expect(await page.getByRole('columnheader', { name: /Summary/ }).count()).toBe(0)
    await h.screenshot('views-restored')
  })

  it('marks an edited view, updates it, renames it and deletes it', async () => {
    const { page } = h
    await status().getByRole('checkbox', { name: /Failed/ }).check()
    await expect.poll(shown).toBe(expected({ statuses: ['no_answer', 'failed'] }))
    await page.locator('.list-title').getByText('edited').waitFor()
    await page.getByRole('button', { name: 'Update view' }).click()
    await expect.poll(async () => (await savedViews(h))[0]?.query.statuses).toEqual(['no_answer', 'failed'])
    // Main has stored it; the page shows it once the answer is back.
    await expect.poll(() => page.locator('.list-title').getByText('edited').count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Update view' }).isDisabled()).toBe(true)

    await page.getByRole('button', { name: 'Rename…' }).click()
    await page.getByLabel('View name').fill('Missed or failed')
    await page.getByRole('button', { name: 'Rename', exact: true }).click()
    await page.getByRole('heading', { level: 1, name: 'Missed or failed' }).waitFor()
    expect((await savedViews(h)).map((v) => v.name)).toEqual(['Missed or failed'])

    // A second view cannot take the same name: main refuses and the form says why.
    await page.getByRole('button', { name: 'Save as new…' }).click()
    await page.getByLabel('View name').fill('missed OR failed')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => page.getByRole('form', { name: 'Save view' }).getByRole('alert').textContent()).toMatch(/already exists/)
    await page.getByRole('button', { name: 'Cancel' }).click()

    await page.getByRole('button', { name: 'Delete…' }).click()
    await page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: 'Delete' }).click()
    await expect.poll(async () => (await savedViews(h)).length).toBe(0)
    await page.getByRole('heading', { level: 1, name: 'All calls' }).waitFor()
    // The filters stay on screen after their view is gone.
    expect(await shown()).toBe(expected({ statuses: ['no_answer', 'failed'] }))
  })

  it('keeps an unsaved list state across a reload, and All calls clears it', async () => {
    const { page } = h
    const filters = page.getByRole('complementary', { name: 'Filters' })
    await views().getByRole('button', { name: 'All calls' }).click()
    await expect.poll(shown).toBe(expected({}))
    await filters.getByLabel('Duration (seconds) to').fill('40')
    await filters.getByLabel('Duration (seconds) to').press('Enter')
    await page.getByRole('columnheader', { name: /Cost/ }).getByRole('button').click()
    const q = { durationMax: 40, sortBy: 'cost', sortOrder: 'desc' } as const
    await expect.poll(shown).toBe(expected(q))
    expect(await shown()).toBeLessThan(expected({}))
    // Written a moment after the last change (debounced), then read back at start.
    await expect.poll(async () => (await listState(h))?.query).toEqual(q)
    await page.reload()
    await page.getByRole('grid', { name: 'Calls' }).waitFor()
    await expect.poll(shown).toBe(expected(q))
    await expect.poll(() => shownIds(h, 3)).toEqual(expectedIds(h, q, 3))
    expect(await filters.getByLabel('Duration (seconds) to').inputValue()).toBe('40')
    expect(await page.getByRole('columnheader', { name: /Cost/ }).getAttribute('aria-sort')).toBe('descending')
    await views().getByRole('button', { name: 'All calls' }).click()
    await expect.poll(shown).toBe(expected({}))
    await expect.poll(async () => (await listState(h))?.query).toEqual({ sortBy: 'createdAt', sortOrder: 'desc' })
    expect(h.pageErrors).toEqual([])
  })
})
