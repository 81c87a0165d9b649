// The call list in Chromium over the real services and a cache synced from the emulator: the
// counts shown equal the query service's (which the CLI also uses), and filters, search, sorting,
// keyboard, copying, paging and the facts pane behave as a reviewer expects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Emulator } from '../../src/emulator/server'
import type { Harness } from './harness'
import { expectedCount, expectedIds, midnightDaysAgo, recordListRequests, shownCount, shownIds, syncedWorkspace } from './support'

let h: Harness
let emu: Emulator
const shown = () => shownCount(h)
const expected = (q: Parameters<typeof expectedCount>[1]) => expectedCount(h, q)

beforeAll(async () => {
  ;({ h, emu } = await syncedWorkspace({ calls: 800, seed: 12 }, 'all'))
}, 120_000)
afterAll(async () => {
  await h?.close()
  await emu?.close()
})

describe('call list', () => {
  it('shows every synced call, newest first', async () => {
    await expect.poll(shown).toBe(h.services.store.query.count())
    await expect.poll(() => shownIds(h, 5)).toEqual(expectedIds(h, {}, 5))
    expect(await h.page.getByRole('columnheader', { name: /Time/ }).getAttribute('aria-sort')).toBe('descending')
    await h.screenshot('calls-list')
  })

  it('narrows by facets, ranges, dates and test calls, with counts matching the query service', async () => {
    const { page } = h
    const filters = page.getByRole('complementary', { name: 'Filters' })
    // The list stays where it is when the first filter comes and the last goes (no jump under the pointer).
    const listTop = async () => (await page.getByRole('grid', { name: 'Calls' }).boundingBox())!.y
    const unfilteredTop = await listTop()
    await filters.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: /Completed/ }).check()
    await expect.poll(shown).toBe(expected({ statuses: ['completed'] }))
    expect(await listTop()).toBe(unfilteredTop)
    await filters.getByRole('group', { name: 'Type' }).getByRole('checkbox', { name: /Outbound/ }).check()
    const q1 = { statuses: ['completed'], types: ['telephony_outbound'] }
    await expect.poll(shown).toBe(expected(q1))
    // The facet count beside a value is what ticking it gives.
    const inbound = filters.getByRole('group', { name: 'Type' }).locator('label', { hasText: 'Inbound' }).locator('.facet-count')
    await expect.poll(async () => Number(await inbound.textContent())).toBe(expected({ statuses: ['completed'], types: ['telephony_inbound'] }))

    await filters.getByLabel('Duration (seconds) from').fill('30')
    await filters.getByLabel('Duration (seconds) from').press('Enter')
    await expect.poll(shown).toBe(expected({ ...q1, durationMin: 30 }))
    await filters.getByLabel('Test calls').selectOption({ label: 'Exclude' })
    await expect.poll(shown).toBe(expected({ ...q1, durationMin: 30, isTest: false }))
    await filters.getByRole('button', { name: '30 days' }).click()
    const q2 = { ...q1, durationMin: 30, isTest: false, createdFrom: midnightDaysAgo(29) }
    await expect.poll(shown).toBe(expected(q2))
    expect(await shown()).toBeGreaterThan(0)
    expect(await shown()).toBeLessThan(expected({}))
    expect(await page.getByRole('list', { name: 'Active filters' }).textContent()).toMatch(/Created: 30 days.*Status: Completed.*Duration ≥ 30 s/)
    await h.screenshot('calls-filters-open')

    // A chip removes its own filter; Clear all removes the rest.
    await page.getByRole('button', { name: /Remove filter Duration/ }).click()
    await expect.poll(shown).toBe(expected({ ...q1, isTest: false, createdFrom: q2.createdFrom }))
    expect(await filters.getByLabel('Duration (seconds) from').inputValue()).toBe('')
    await page.getByRole('list', { name: 'Active filters' }).getByRole('button', { name: 'Clear all' }).click()
    await expect.poll(shown).toBe(expected({}))
    expect(await page.getByRole('list', { name: 'Active filters' }).count()).toBe(0)
    expect(await listTop()).toBe(unfilteredTop)
  })

  it('hides and shows the filter panel', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Hide filters' }).click()
    expect(await page.getByRole('complementary', { name: 'Filters' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Filters' }).getAttribute('aria-expanded')).toBe('false')
    await page.getByRole('button', { name: 'Filters' }).click()
    await page.getByRole('complementary', { name: 'Filters' }).waitFor()
  })

  it('searches transcripts with highlighted matches; / focuses the search and Esc clears it', async () => {
    const { page } = h
    await page.getByRole('heading', { name: 'All calls' }).click()
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search calls')
    await page.keyboard.type('refund')
    await expect.poll(shown).toBe(expected({ text: 'refund' }))
    expect(await shown()).toBeGreaterThan(0)
    await expect.poll(() => page.getByRole('grid').locator('mark').first().textContent()).toMatch(/refund/i)
    await h.screenshot('calls-search')
    await page.keyboard.press('Escape')
    expect(await page.getByRole('searchbox', { name: 'Search calls' }).inputValue()).toBe('')
    await expect.poll(shown).toBe(expected({}))
  })

  it('says when nothing matches and offers to clear the search or the filters', async () => {
    const { page } = h
    await page.getByRole('searchbox', { name: 'Search calls' }).fill('xylophonequartz')
    await page.getByRole('searchbox', { name: 'Search calls' }).press('Enter')
    await page.getByRole('heading', { name: 'No calls match “xylophonequartz”' }).waitFor()
    expect(expected({ text: 'xylophonequartz' })).toBe(0)
    await h.screenshot('calls-no-results')
    await page.getByRole('button', { name: 'Clear search' }).click()
    await expect.poll(shown).toBe(expected({}))
    expect(await page.getByRole('searchbox', { name: 'Search calls' }).inputValue()).toBe('')
    // With other filters the advice is to clear them all.
    await page.getByRole('complementary', { name: 'Filters' }).getByLabel('Cost (credits) from').fill('99999')
    await page.getByRole('complementary', { name: 'Filters' }).getByLabel('Cost (credits) from').press('Enter')
    await page.getByRole('heading', { name: 'No calls match these filters' }).waitFor()
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(shown).toBe(expected({}))
  })

  it('sorts by clicking a header, and reverses on a second click', async () => {
    const { page } = h
    const duration = page.getByRole('columnheader', { name: /Duration/ })
    await duration.getByRole('button').click()
    await expect.poll(() => duration.getAttribute('aria-sort')).toBe('descending')
    await expect.poll(() => shownIds(h, 5)).toEqual(expectedIds(h, { sortBy: 'duration', sortOrder: 'desc' }, 5))
    await duration.getByRole('button').click()
    await expect.poll(() => duration.getAttribute('aria-sort')).toBe('ascending')
    await expect.poll(() => shownIds(h, 5)).toEqual(expectedIds(h, { sortBy: 'duration', sortOrder: 'asc' }, 5))
    // Text columns start A→Z.
    const agent = page.getByRole('columnheader', { name: /Agent/ })
    await agent.getByRole('button').click()
    await expect.poll(() => agent.getAttribute('aria-sort')).toBe('ascending')
    await expect.poll(() => shownIds(h, 5)).toEqual(expectedIds(h, { sortBy: 'agent', sortOrder: 'asc' }, 5))
    expect(await duration.getAttribute('aria-sort')).toBeNull()
    await page.getByRole('columnheader', { name: /Time/ }).getByRole('button').click()
    await expect.poll(() => shownIds(h, 5)).toEqual(expectedIds(h, {}, 5))
  })

  it('moves with the keyboard, opens the selected call with Enter and copies its id', async () => {
    const { page } = h
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    const grid = page.getByRole('grid', { name: 'Calls' })
    await grid.focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    const third = expectedIds(h, {}, 3)[2]!
    expect(await grid.locator('[role="row"][aria-selected="true"]').getAttribute('data-call-id')).toBe(third)
    await page.keyboard.press('Enter')
    const pane = page.getByRole('region', { name: 'Call detail' })
    await expect.poll(() => pane.getByRole('heading', { level: 2 }).textContent()).toBe(third)
    await expect.poll(() => pane.textContent()).toContain('Ended because')
    await page.keyboard.press('Control+C')
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(third)
    await expect.poll(() => page.locator('.toast').textContent()).toBe(`Copied ${third}`)
    await h.screenshot('calls-detail')
    // Down again moves on without closing; Esc closes the pane.
    await page.keyboard.press('ArrowDown')
    expect(await grid.locator('[role="row"][aria-selected="true"]').getAttribute('data-call-id')).toBe(expectedIds(h, {}, 4)[3])
    await page.keyboard.press('Escape')
    expect(await pane.count()).toBe(0)
  })

  it('keeps the selection in view when moving far with the keyboard', async () => {
    const { page } = h
    await page.getByRole('grid', { name: 'Calls' }).focus()
    await page.keyboard.press('End')
    const last = h.services.store.query.list({ offset: expected({}) - 1, limit: 1 }).rows[0]!.id
    const selected = page.getByRole('grid').locator('[role="row"][aria-selected="true"]')
    await expect.poll(() => selected.getAttribute('data-call-id')).toBe(last)
    expect(await selected.isVisible()).toBe(true)
    await page.keyboard.press('Home')
    await expect.poll(() => selected.getAttribute('data-call-id')).toBe(expectedIds(h, {}, 1)[0])
  })

  it('fetches rows in pages around what is on screen, never all of them', async () => {
    const { page } = h
    const rec = recordListRequests(h)
    try {
      const table = page.getByTestId('call-table')
      for (const fraction of [0.25, 0.5, 0.9]) {
        await table.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), fraction)
        const index = Math.floor(expected({}) * fraction) + 3
        const id = h.services.store.query.list({ offset: index, limit: 1 }).rows[0]!.id
        await expect.poll(() => page.locator(`[role="row"][data-call-id="${id}"]`).count()).toBe(1)
      }
      expect(rec.requests.length).toBeGreaterThan(0)
      expect(rec.requests.every((q) => (q.limit ?? Infinity) <= 100)).toBe(true)
      expect(await page.locator('[role="grid"] [role="row"][aria-rowindex]').count()).toBeLessThan(80)
    } finally {
      rec.stop()
    }
    await page.getByTestId('call-table').evaluate((el) => (el.scrollTop = 0))
  })

  it('shows a completed call’s facts, dispositions, latency and transcript', async () => {
    const { page } = h
    const done = h.services.store.query.list({ statuses: ['completed'], durationMin: 20, limit: 1 }).rows[0]!
    await page.getByRole('searchbox', { name: 'Search calls' }).fill(done.id)
    await expect.poll(shown).toBe(1)
    await page.locator(`[role="row"][data-call-id="${done.id}"]`).click()
    const pane = page.getByRole('region', { name: 'Call detail' })
    await expect.poll(() => pane.locator('.turn').count()).toBeGreaterThan(1)
    const text = await pane.textContent()
    expect(text).toContain('Completed')
    expect(text).toMatch(/Disposition/)
    expect(text).toMatch(/Agent response latency/)
    expect(text).toContain(`${done.costCredits?.toFixed(2)} credits`)
    await page.getByRole('searchbox', { name: 'Search calls' }).fill('')
    await page.getByRole('button', { name: 'Close call' }).click()
    await expect.poll(shown).toBe(expected({}))
  })

  it('hides and shows columns, and resizes one by dragging its edge', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Columns' }).click()
    const chooser = page.getByRole('dialog', { name: 'Columns' })
    await chooser.getByRole('checkbox', { name: 'Call ID' }).uncheck()
    await expect.poll(() => page.getByRole('columnheader', { name: /Call ID/ }).count()).toBe(0)
    await chooser.getByRole('checkbox', { name: 'Call ID' }).check()
    await expect.poll(() => page.getByRole('columnheader', { name: /Call ID/ }).count()).toBe(1)
    await page.keyboard.press('Escape')
    expect(await chooser.count()).toBe(0)

    const header = page.getByRole('columnheader', { name: /Agent/ })
    const before = (await header.boundingBox())!.width
    const edge = (await page.getByRole('separator', { name: 'Resize Agent' }).boundingBox())!
    await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2)
    await page.mouse.down()
    await page.mouse.move(edge.x + edge.width / 2 + 90, edge.y + edge.height / 2, { steps: 5 })
    await page.mouse.up()
    await expect.poll(async () => Math.round((await header.boundingBox())!.width - before)).toBe(90)
  })
})
