// The settings screen in Chromium: values come from and go to the real settings service, bad
// values are explained beside their field (and not saved), and a replacement key is checked with
// the API before it is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/server'
import { launch, type Harness } from './harness'
import { KEY } from './support'

let h: Harness
let emu: Emulator

beforeAll(async () => {
  emu = await startEmulator({ calls: 30, seed: 4, apiKey: KEY })
  h = await launch({ baseUrl: emu.url, apiKey: KEY })
  await h.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  await h.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
})
afterAll(async () => {
  await h?.close()
  await emu?.close()
})

describe('settings', () => {
  it('shows the stored values and never the key', async () => {
    const { page } = h
    expect(await page.getByLabel('API base URL').inputValue()).toBe(emu.url)
    expect(await page.getByLabel('Sync every (minutes)').inputValue()).toBe(String(h.services.settings.get().syncIntervalMin))
    expect(await page.getByTestId('key-state').textContent()).toBe('Key saved')
    expect(await page.content()).not.toContain(KEY)
  })

  it('explains bad values beside their fields and saves nothing until they are fixed', async () => {
    const { page } = h
    const before = h.services.settings.get()
    await page.getByLabel('Sync every (minutes)').fill('-3')
    await page.getByLabel('Too slow from (ms)').fill('100')
    await page.getByLabel('API base URL').fill('not a url')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await expect.poll(() => page.locator('#setting-syncIntervalMin-error').textContent()).toBe('Enter the minutes between 0 and 1,440.')
    expect(await page.locator('#setting-latencyBadMs-error').textContent()).toMatch(/above the slow threshold \(800 ms\)/)
    expect(await page.locator('#setting-baseUrl-error').textContent()).toMatch(/full address/)
    expect(await page.getByLabel('Sync every (minutes)').getAttribute('aria-invalid')).toBe('true')
    expect(h.services.settings.get()).toEqual(before)
    await h.screenshot('settings-invalid')

    await page.getByLabel('Sync every (minutes)').fill('30')
    await page.getByLabel('Too slow from (ms)').fill('2000')
    await page.getByLabel('API base URL').fill(emu.url)
    await page.getByLabel('Agent channel').selectOption({ label: 'Right channel is the agent' })
    await page.getByLabel('Recordings storage (MB)').fill('512')
    await page.getByLabel('Reviewer name').fill('Ana')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor()
    expect(h.services.settings.get()).toMatchObject({ syncIntervalMin: 30, latencyBadMs: 2000, agentChannel: '1', recordingBudgetMb: 512, reviewerName: 'Ana' })
    expect(await page.locator('.inline-error').count()).toBe(0)
    await h.screenshot('settings')
  })

  it('checks a replacement key with the API and keeps the old one when it is refused', async () => {
    const { page } = h
    await page.getByLabel('API key', { exact: true }).fill('sk_not_a_real_key')
    await page.getByRole('button', { name: 'Replace key' }).click()
    await expect.poll(() => page.getByRole('region', { name: 'Atoms API key' }).getByRole('alert').textContent()).toMatch(/refused the API key/)
    expect(h.services.keys.getKey()).toBe(KEY)
    await page.getByLabel('API key', { exact: true }).fill(KEY)
    await page.getByRole('button', { name: 'Replace key' }).click()
    await expect.poll(() => page.getByLabel('API key', { exact: true }).inputValue()).toBe('')
    expect(await page.getByRole('region', { name: 'Atoms API key' }).getByRole('alert').count()).toBe(0)
    expect(h.pageErrors).toEqual([])
  })
})
