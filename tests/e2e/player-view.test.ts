// The call view around the player, in Chromium over the real services and the emulator: zoom,
// the channel mapping, giving the call the whole width and back, following and its pause, find
// within the call, the shortcuts overlay and Esc, and a call without a recording in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallDetail } from '@shared/domain'
import type { MediaInfo } from '@shared/media'
import type { Emulator } from '../../src/emulator/server'
import type { Harness } from './harness'
import { expectedMarks as marksOf, invokeAs, openCall, startPlayerFixture } from './playerSupport'

let h: Harness
let emu: Emulator
let callId: string
let info: MediaInfo
let detail: CallDetail

const invoke = <T>(channel: string, args: unknown[]) => invokeAs<T>(h, channel, args)
const expectedMarks = () => marksOf(info, detail)

beforeAll(async () => {
  ;({ h, emu, callId, info, detail } = await startPlayerFixture())
  await openCall(h, callId)
}, 120_000)
afterAll(async () => {
  await h?.close()
  await emu?.close()
})

describe('call view', () => {
  it('zooms in and out with the buttons, the time axis following with finer labels', async () => {
    const width = () => h.page.getByTestId('waveform').evaluate((host) => (host.querySelector('div')?.shadowRoot ?? host.shadowRoot)?.querySelector('.wrapper')?.scrollWidth ?? 0)
    const axis = () => h.page.locator('.axis-inner').evaluate((el) => ({ width: el.getBoundingClientRect().width, labelS: Number((el as HTMLElement).dataset.labelS) }))
    const fit = await width()
    const before = await axis()
    expect(before.width).toBe(fit)
    expect(await h.page.locator('.axis-label').first().textContent()).toBe('0:00')
    await h.page.getByRole('button', { name: 'Zoom in' }).click()
    await h.page.getByRole('button', { name: 'Zoom in' }).click()
    await expect.poll(width).toBeGreaterThan(fit * 1.5)
    await expect.poll(async () => (await axis()).width).toBe(await width())
    expect((await axis()).labelS).toBeLessThan(before.labelS)
    await h.screenshot('player-zoomed')
    for (let k = 0; k < 3; k++) await h.page.getByRole('button', { name: 'Zoom out' }).click()
    await expect.poll(width).toBe(fit)
    await expect.poll(async () => (await axis()).labelS).toBe(before.labelS)
  })

  it('swaps the lane labels when the agent channel is set by hand, and goes back to Auto', async () => {
    const auto = info.alignment.agentChannel!
    const swapped = auto === 0 ? 'Agent on right' : 'Agent on left'
    await h.page.getByRole('combobox', { name: 'Agent channel' }).selectOption({ label: swapped })
    const labels = () => h.page.locator('.wave-label strong').allTextContents()
    await expect.poll(labels).toEqual(auto === 0 ? ['Caller', 'Agent'] : ['Agent', 'Caller'])
    await h.screenshot('player-swapped')
    await h.page.getByRole('combobox', { name: 'Agent channel' }).selectOption('auto')
    await expect.poll(labels).toEqual(auto === 0 ? ['Agent', 'Caller'] : ['Caller', 'Agent'])
    await expect.poll(() => h.page.locator('[data-mark="latency"]').count()).toBe(expectedMarks().latency)
  })

  it('hides the list for the whole width and shows it again as it was', async () => {
    const list = h.page.getByRole('region', { name: 'Call list' })
    await h.page.getByRole('button', { name: 'Hide list' }).click()
    expect(await list.isVisible()).toBe(false)
    // The waveform and the marks stretch to the new width.
    const widths = () => h.page.evaluate(() => [document.querySelector('.wave-host')!.clientWidth, document.querySelector<HTMLElement>('.marks-inner')!.offsetWidth])
    await expect.poll(async () => { const [host, marks] = await widths(); return Math.abs(host! - marks!) <= 2 && host! > 900 }).toBe(true)
    await h.screenshot('player-wide')
    await h.page.getByRole('button', { name: 'Show list' }).click()
    expect(await list.isVisible()).toBe(true)
    expect(await h.page.getByRole('searchbox', { name: 'Search calls' }).inputValue()).toBe(callId)
    expect(await list.locator('[role="row"][aria-selected="true"]').getAttribute('data-call-id')).toBe(callId)
  })

  it('pauses following when the transcript is scrolled by hand, and resumes', async () => {
    const list = h.page.getByRole('list', { name: 'Transcript turns' })
    await list.hover()
    await h.page.mouse.wheel(0, 300)
    await h.page.getByRole('button', { name: 'Resume following' }).click()
    expect(await h.page.getByRole('button', { name: 'Resume following' }).count()).toBe(0)
  })

  it('finds words within the call', async () => {
    const word = detail.transcript.flatMap((t) => t.text.split(/\W+/)).find((w) => w.length > 5)!
    const count = detail.transcript.reduce((n, t) => n + (t.text.toLowerCase().split(word.toLowerCase()).length - 1), 0)
    await h.page.getByRole('searchbox', { name: 'Find in this call' }).fill(word)
    await expect.poll(() => h.page.getByTestId('find-count').textContent()).toBe(`1 of ${count}`)
    expect(await h.page.locator('.call-transcript mark').count()).toBe(count)
    await h.page.getByRole('searchbox', { name: 'Find in this call' }).press('Enter')
    if (count > 1) expect(await h.page.getByTestId('find-count').textContent()).toBe(`2 of ${count}`)
    await h.screenshot('player-find')
    await h.page.getByRole('searchbox', { name: 'Find in this call' }).press('Escape')
  })

  it('lists the platform’s own latency per turn, the events and the variables beside the transcript', async () => {
    const side = h.page.getByRole('complementary', { name: 'Call facts' })
    const perTurn = detail.latency?.transitions.length || detail.latency?.perTurnMs.length || 0
    expect(await side.locator('[data-api-latency]').count()).toBe(perTurn)
    expect(await side.getByRole('heading', { name: /Events/ }).count()).toBe(detail.events.length ? 1 : 0)
    expect(await side.getByRole('heading', { name: 'Variables' }).count()).toBe(Object.keys(detail.variables).length ? 1 : 0)
    await side.evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
    await h.screenshot('player-facts')
    await side.evaluate((el) => (el.scrollTop = 0))
  })

  it('lists the shortcuts with ? and closes them with Esc, then Esc goes back to the list', async () => {
    await h.page.locator('.call-transcript h3').click()
    await h.page.keyboard.press('?')
    const help = h.page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.waitFor()
    expect(await help.textContent()).toContain('Skip silence')
    await h.screenshot('player-help')
    await h.page.keyboard.press('Escape')
    expect(await help.count()).toBe(0)
    await h.page.keyboard.press('Escape')
    await expect.poll(() => h.page.getByRole('region', { name: 'Call detail' }).count()).toBe(0)
  })

  it('says in words when a call has no recording', async () => {
    const row = h.services.store.query.list({ statuses: ['no_answer'], limit: 1 }).rows[0]
    if (!row) throw new Error('no unanswered call in the emulator data')
    const m = await invoke<MediaInfo>('media:open', [row.id])
    await h.page.getByRole('searchbox', { name: 'Search calls' }).fill(row.id)
    await h.page.locator(`[role="row"][data-call-id="${row.id}"]`).click()
    const notice = h.page.locator(`[data-recording="${m.recording.state}"]`)
    await notice.waitFor()
    expect(m.recording.state).toBe('none')
    expect(await notice.textContent()).toContain('No recording for this call')
    expect(await h.page.getByTestId('call-player').count()).toBe(0)
    await h.screenshot('player-no-recording')
    expect(h.pageErrors).toEqual([])
  })

  it('says when the recording is not made yet, and Retry asks again', async () => {
    const original = h.services.dispatch
    let asked = 0
    h.services.dispatch = async (channel, args) => {
      if (channel !== 'media:open') return original(channel, args)
      asked++
      return { ok: true, value: { ...info, recording: { state: 'pending', message: 'The platform has not made it yet; try again in a minute.' }, audioUrl: null, peaksUrl: null } }
    }
    try {
      await h.page.getByRole('searchbox', { name: 'Search calls' }).fill(callId)
      await h.page.locator(`[role="row"][data-call-id="${callId}"]`).click()
      const notice = h.page.locator('[data-recording="pending"]')
      await notice.waitFor()
      expect(await notice.textContent()).toContain('Recording not available yet')
      const before = asked
      await notice.getByRole('button', { name: 'Retry' }).click()
      await expect.poll(() => asked).toBe(before + 1)
      await h.screenshot('player-pending')
    } finally {
      h.services.dispatch = original
    }
    // Once the recording exists, Retry brings the player.
    await h.page.locator('[data-recording="pending"]').getByRole('button', { name: 'Retry' }).click()
    await h.page.getByTestId('call-player').and(h.page.locator('[data-ready="true"]')).waitFor()
    expect(h.pageErrors).toEqual([])
  })
})
