// The app shell in Chromium: the first screen guides a new user, and the API key can be saved
// through the real bridge handlers without ever being shown back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launch, type Harness } from './harness'

let h: Harness
beforeAll(async () => {
  h = await launch()
})
afterAll(async () => h?.close())

describe('app shell', () => {
  it('opens on the calls screen with navigation and a first step', async () => {
    const { page } = h
    await page.getByRole('heading', { name: 'Connect your Atoms workspace' }).waitFor()
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('button').allTextContents()).toEqual(['☰Calls', '⚙Settings'])
    expect(await page.locator('.sidebar-foot').textContent()).toBe('v0.1.0')
    await h.screenshot('shell-first-run')
    expect(h.pageErrors).toEqual([])
  })

  it('saves an API key in settings and never shows it back', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Add API key' }).click()
    await page.getByRole('heading', { name: 'Settings' }).waitFor()
    await page.getByLabel('API key', { exact: true }).fill('sk_live has spaces')
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('spaces')
    await page.getByLabel('API key', { exact: true }).fill('sk_test_e2e_0123456789')
    await page.getByRole('button', { name: 'Save key' }).click()
    await expect.poll(() => page.getByTestId('key-state').textContent()).toBe('Key saved')
    expect(await page.getByLabel('API key', { exact: true }).inputValue()).toBe('')
    expect(await page.content()).not.toContain('sk_test_e2e_0123456789')
    expect(h.services.keys.getKey()).toBe('sk_test_e2e_0123456789')
    await h.screenshot('shell-settings')
  })
})
