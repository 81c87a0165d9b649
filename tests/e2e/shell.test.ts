// First run in Chromium: the welcome screen, a wrong key refused with the API's answer, and the
// demo workspace showing calls from the built-in emulator within seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type Emulator } from '../../src/emulator/server'
import { launch, type Harness } from './harness'

let h: Harness
let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator({ calls: 50, seed: 3 })
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
    await page.getByRole('button', { name: 'Open the demo workspace' }).waitFor()
    await h.screenshot('welcome')
    expect(h.pageErrors).toEqual([])
  })

  it('refuses a wrong key with a clear message and stores nothing', async () => {
    const { page } = h
    await page.getByLabel('API key', { exact: true }).fill('sk_wrong_key_0000')
    await page.getByRole('button', { name: 'Connect' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/refused the API key/)
    expect(h.services.keys.getKey()).toBeNull()
    await h.screenshot('welcome-wrong-key')
  })

  it('opens the demo workspace and shows calls', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Open the demo workspace' }).click()
    await page.getByRole('grid', { name: 'Calls' }).waitFor({ timeout: 30_000 })
    await expect.poll(() => page.getByRole('row').count(), { timeout: 30_000 }).toBeGreaterThan(10)
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /Calls|Settings/ }).allTextContents()).toEqual(['☰Calls', '⚙Settings'])
    expect(await page.locator('.pill').first().textContent()).toBe('Demo workspace')
    await expect.poll(() => h.services.sync()?.running ?? true, { timeout: 60_000 }).toBe(false)
    await h.screenshot('demo-workspace')
    expect(h.pageErrors).toEqual([])
  })
})
