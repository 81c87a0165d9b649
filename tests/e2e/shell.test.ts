// First run in Chromium: the welcome screen, a wrong key refused with the API's answer (nothing
// stored), and the demo workspace showing calls from the built-in emulator within seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/server'
import { launch, type Harness } from './harness'

let h: Harness
let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ calls: 50, seed: 3, apiKey: 'sk_test_earmark' })
  h = await launch({ baseUrl: emu.url })
})
afterAll(async () => {
  await h?.close()
  await emu?.close()
})

describe('first run', () => {
  it('welcomes a new user with the two ways in', async () => {
    const { page } = h
    await page.getByRole('heading', { name: 'Welcome to Earmark' }).waitFor()
    expect(await page.getByRole('button', { name: 'Connect' }).isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Open the demo workspace' }).waitFor()
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0)
    await h.screenshot('welcome')
    expect(h.pageErrors).toEqual([])
  })

  it('refuses a wrong key with the API’s answer and stores nothing', async () => {
    const { page } = h
    await page.getByLabel('API key', { exact: true }).fill('sk_wrong_key_0000')
    await page.getByRole('button', { name: 'Connect' }).click()
    const alert = page.getByRole('form', { name: 'Connect your workspace' }).getByRole('alert')
    await expect.poll(() => alert.textContent()).toMatch(/refused the API key/)
    expect(h.services.keys.getKey()).toBeNull()
    expect(await page.getByRole('heading', { name: 'Welcome to Earmark' }).isVisible()).toBe(true)
    await h.screenshot('welcome-wrong-key')
  })

  it('opens the demo workspace and shows its calls', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Open the demo workspace' }).click()
    await page.getByRole('grid', { name: 'Calls' }).waitFor({ timeout: 30_000 })
    await expect.poll(() => page.locator('[role="row"][data-call-id]').count(), { timeout: 30_000 }).toBeGreaterThan(10)
    const nav = page.getByRole('navigation', { name: 'Main' })
    expect(await nav.getByRole('button').count()).toBe(2)
    expect(await nav.getByRole('button', { name: 'Calls', exact: true }).getAttribute('aria-current')).toBe('page')
    expect(await nav.getByRole('button', { name: 'Settings', exact: true }).count()).toBe(1)
    expect(await page.getByRole('region', { name: 'Sync' }).textContent()).toContain('Demo workspace')
    expect(h.services.settings.get().demo).toBe(true)
    await expect.poll(() => h.services.sync()?.running ?? true, { timeout: 60_000 }).toBe(false)
    // Once the demo is synced the count shown is the cache's.
    await expect.poll(async () => (await page.getByTestId('result-count').textContent())?.replace(/\D/g, '')).toBe(String(h.services.store.query.count()))
    await h.screenshot('demo-workspace')
    expect(h.pageErrors).toEqual([])
  })
})
