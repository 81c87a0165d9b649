// Syncing from the app in Chromium against the emulator with faults switched on: progress is
// shown while it runs, the list fills and the run finishes without an error; a sync can be
// cancelled; an unreachable API shows the offline indicator and a Retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/server'
import { launch, type Harness } from './harness'
import { expectedCount, KEY, shownCount } from './support'

let h: Harness
let emu: Emulator
const sync = () => h.page.getByRole('region', { name: 'Sync' })

beforeAll(async () => {
  emu = await startEmulator({ calls: 600, seed: 8, apiKey: KEY, faults: '429:0.1,500:0.05,slow:0.03' })
  h = await launch({ baseUrl: emu.url, apiKey: KEY })
  await h.page.getByRole('heading', { name: 'No calls yet' }).waitFor()
})
afterAll(async () => {
  await h?.close()
  await emu?.close()
})

describe('sync', () => {
  it('starts from the empty list, shows progress through faults and finishes', async () => {
    const { page } = h
    await h.screenshot('calls-empty')
    await page.getByRole('main').getByRole('button', { name: 'Sync now' }).click()
    await page.getByTestId('sync-progress').waitFor()
    expect(await sync().getByRole('progressbar', { name: 'Sync progress' }).count()).toBe(1)
    await expect.poll(() => sync().textContent()).toMatch(/Downloading|Updating/)
    await h.screenshot('sync-in-progress')
    await expect.poll(() => h.services.sync()!.status().running, { timeout: 120_000 }).toBe(false)
    expect(h.services.sync()!.status().error).toBeNull()
    const faults = emu.stats().faults
    expect((faults['429'] ?? 0) + (faults['500'] ?? 0)).toBeGreaterThan(0)
    await expect.poll(() => page.getByTestId('last-sync').textContent()).toMatch(/just now/)
    await expect.poll(() => shownCount(h)).toBe(expectedCount(h, {}))
    expect(await shownCount(h)).toBeGreaterThan(0)
    expect(await page.getByTestId('sync-progress').count()).toBe(0)
  }, 150_000)

  it('cancels a running sync and keeps what was downloaded', async () => {
    const { page } = h
    emu.setFaults({ slow: 1, slowMs: 1500 })
    h.services.store.cache.exec('UPDATE call_details SET list_hash = NULL')
    await sync().getByRole('button', { name: 'Sync now' }).click()
    await page.getByTestId('sync-progress').waitFor()
    await sync().getByRole('button', { name: 'Cancel sync' }).click()
    await expect.poll(() => h.services.sync()!.status().running).toBe(false)
    await expect.poll(() => sync().getByRole('status').textContent()).toMatch(/cancelled/)
    expect(await sync().getByRole('alert').count()).toBe(0)
    expect(await shownCount(h)).toBe(expectedCount(h, {}))
    emu.setFaults(null)
  }, 60_000)

  it('shows the offline indicator and a Retry when the API cannot be reached', async () => {
    const { page } = h
    const { baseUrl } = h.services.settings.get()
    h.services.settings.update({ baseUrl: 'http://127.0.0.1:9/atoms/v1' })
    await sync().getByRole('button', { name: 'Sync now' }).click()
    await expect.poll(() => page.getByTestId('offline').textContent(), { timeout: 30_000 }).toMatch(/Offline/)
    expect(await sync().getByRole('alert').textContent()).toMatch(/Cannot reach 127\.0\.0\.1/)
    await h.screenshot('sync-offline')
    // The cached calls stay listed.
    expect(await shownCount(h)).toBe(expectedCount(h, {}))
    h.services.settings.update({ baseUrl })
    await sync().getByRole('button', { name: 'Retry' }).click()
    await expect.poll(() => page.getByTestId('offline').count(), { timeout: 60_000 }).toBe(0)
    await expect.poll(() => h.services.sync()!.status().running, { timeout: 60_000 }).toBe(false)
    expect(h.services.sync()!.status().error).toBeNull()
    expect(h.pageErrors).toEqual([])
  }, 120_000)
})
