// The call view in Chromium over the real services, media route and emulator: the waveform is
// drawn from cached peaks and labelled, playback advances and the highlighted turn follows it,
// clicking a turn seeks, solo / speed change the audio graph, skip-silence jumps a real gap,
// and the latency overlay has one mark per hand-over and talk-over of the call's MediaInfo.
// (Zoom, channel mapping, layout, follow, find, help and recording states: player-view.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallDetail } from '@shared/domain'
import type { MediaInfo } from '@shared/media'
import type { Emulator } from '../../src/emulator/server'
import type { Harness } from './harness'
import { firstGap as gapOf, invokeAs, expectedMarks as marksOf, openCall, startPlayerFixture } from './playerSupport'

let h: Harness
let emu: Emulator
let callId: string
let info: MediaInfo
let detail: CallDetail

const invoke = <T>(channel: string, args: unknown[]) => invokeAs<T>(h, channel, args)
const player = () => h.page.getByTestId('call-player')
const audioTime = () => player().locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime)
const seekTo = (t: number) => player().locator('audio').evaluate((a: HTMLAudioElement, t) => void (a.currentTime = t), t)
const pause = async () => {
  await player().locator('audio').evaluate((a: HTMLAudioElement) => a.pause())
  await expect.poll(() => player().getAttribute('data-playing')).toBe('false')
}
const minimaps = () => h.page.locator('#call-minimap [part="minimap"]').count()
const currentTurn = () => h.page.locator('.call-transcript [aria-current="true"]').getAttribute('data-turn')
const expectedMarks = () => marksOf(info, detail)
const firstGap = (min: number, m = info) => gapOf(m, min)

beforeAll(async () => {
  ;({ h, emu, callId, info, detail } = await startPlayerFixture())
}, 120_000)
afterAll(async () => {
  await h?.close()
  await emu?.close()
})

describe('call view', () => {
  it('opens a call with its waveform drawn and lanes labelled Agent and Caller', async () => {
    const { page } = h
    await openCall(h, callId)
    const lit = await page.getByTestId('waveform').evaluate((host) => {
      const root = host.querySelector('div')?.shadowRoot ?? host.shadowRoot
      let n = 0
      for (const c of root?.querySelectorAll('canvas') ?? []) {
        const data = (c as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? []
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++
      }
      return n
    })
    expect(lit).toBeGreaterThan(500)
    const labels = await page.locator('.wave-label strong').allTextContents()
    expect(labels).toEqual(info.alignment.agentChannel === 0 ? ['Agent', 'Caller'] : ['Caller', 'Agent'])
    expect(await page.locator('.call-transcript .turn').count()).toBe(detail.transcript.length)
    // Turns whose place in the recording is uncertain are marked as such.
    expect(await page.locator('.call-transcript .turn-low').count()).toBe(info.alignment.turns.filter((t) => t.confidence < 0.5).length)
    await h.screenshot('player-open')
  })

  it('shows one latency mark per caller→agent hand-over and one per talk-over', async () => {
    const want = expectedMarks()
    expect(want.latency).toBeGreaterThan(0)
    await expect.poll(() => h.page.locator('[data-mark="latency"]').count()).toBe(want.latency)
    expect(await h.page.locator('[data-mark="interruption"]').count()).toBe(want.interruptions)
    // Each mark's tooltip gives its latency in ms, coloured by the thresholds (800 / 1500 ms).
    for (const mark of await h.page.locator('[data-mark="latency"]').all()) {
      const ms = Number(await mark.getAttribute('data-ms'))
      expect(await mark.getAttribute('title')).toContain(`${ms} ms`)
      expect(await mark.getAttribute('class')).toContain(ms >= 1500 ? 'lat-bad' : ms >= 800 ? 'lat-warn' : 'lat-ok')
    }
    // A call this short has no minimap.
    expect(await minimaps()).toBe(0)
    expect(h.pageErrors).toEqual([])
  })

  it('adds a minimap for a call longer than two minutes', async (ctx) => {
    const long = h.services.store.query.list({ statuses: ['completed'], durationMin: 130, limit: 5 }).rows
    let id: string | null = null
    for (const row of long) if ((await invoke<MediaInfo>('media:open', [row.id])).recording.state === 'ready') id = id ?? row.id
    if (!id) return ctx.skip()
    await openCall(h, id)
    await expect.poll(minimaps).toBe(1)
    await h.screenshot('player-long-call')
    await openCall(h, callId)
    await expect.poll(() => h.page.getByRole('region', { name: 'Call detail' }).getByRole('heading', { level: 2 }).textContent()).toBe(callId)
  })

  it('plays, and the highlighted turn moves to the next turn when it starts', async () => {
    const turns = [...info.alignment.turns].sort((a, b) => a.startS - b.startS)
    const next = turns.find((t, k) => k > 0 && t.startS - turns[k - 1]!.startS > 1)!
    await seekTo(next.startS - 0.6)
    const before = await currentTurn()
    expect(before).not.toBe(String(next.index))
    await player().getByRole('button', { name: 'Play' }).click()
    await expect.poll(audioTime).toBeGreaterThan(next.startS + 0.1)
    await expect.poll(currentTurn).toBe(String(next.index))
    await pause()
    await h.screenshot('player-playing')
  })

  it('plays and pauses with Space, and moves between turns with ↓ and ↑', async () => {
    const turns = [...info.alignment.turns].sort((a, b) => a.startS - b.startS)
    // Paused, so "previous" is measured from where ↓ landed, not from a moving playhead.
    await pause()
    await seekTo(turns[1]!.startS + 0.2)
    await expect.poll(currentTurn).toBe(String(turns[1]!.index))
    await h.page.locator('.call-transcript h3').click()
    await h.page.keyboard.press('ArrowDown')
    await expect.poll(currentTurn).toBe(String(turns[2]!.index))
    await h.page.keyboard.press('ArrowUp')
    await expect.poll(currentTurn).toBe(String(turns[1]!.index))
    await h.page.keyboard.press('Space')
    await expect.poll(() => player().getAttribute('data-playing')).toBe('true')
    await h.page.keyboard.press('Space')
    await expect.poll(() => player().getAttribute('data-playing')).toBe('false')
    // With focus on the play button, Space toggles once (the button is not also clicked).
    await player().getByRole('button', { name: 'Play' }).click()
    await expect.poll(() => player().getAttribute('data-playing')).toBe('true')
    await h.page.keyboard.press('Space')
    await expect.poll(() => player().locator('audio').evaluate((a: HTMLAudioElement) => a.paused)).toBe(true)
    await h.page.getByRole('button', { name: 'Skip silence' }).hover()
    expect(await player().locator('audio').evaluate((a: HTMLAudioElement) => a.paused)).toBe(true)
  })

  it('seeks to a turn when it is clicked', async () => {
    const target = [...info.alignment.turns].sort((a, b) => a.startS - b.startS).at(-2)!
    await h.page.locator(`.call-transcript [data-turn="${target.index}"] .turn-text`).click()
    await expect.poll(audioTime).toBeCloseTo(target.startS, 1)
    await expect.poll(currentTurn).toBe(String(target.index))
  })

  it('solo and speed change the gains and the rate the audio graph applies', async () => {
    const agent = info.alignment.agentChannel!
    const caller = 1 - agent
    const gains = async () => [Number(await player().getAttribute(`data-gain-${agent}`)), Number(await player().getAttribute(`data-gain-${caller}`))]
    await h.page.locator('.call-transcript h3').click() // focus out of any control: keys are the player's
    await h.page.keyboard.press('1')
    await expect.poll(gains).toEqual([1, 0])
    await h.page.getByRole('group', { name: 'Listen to' }).getByRole('button', { name: 'Caller' }).click()
    await expect.poll(gains).toEqual([0, 1])
    await h.page.keyboard.press('3')
    await expect.poll(gains).toEqual([1, 1])
    await h.page.getByRole('combobox', { name: 'Speed' }).selectOption('2')
    await expect.poll(() => player().getAttribute('data-rate')).toBe('2')
    expect(await player().locator('audio').evaluate((a: HTMLAudioElement) => [a.playbackRate, a.preservesPitch])).toEqual([2, true])
    await h.page.locator('.call-transcript h3').click()
    await h.page.keyboard.press('[')
    await expect.poll(() => player().getAttribute('data-rate')).toBe('1.75')
    await h.page.getByRole('combobox', { name: 'Speed' }).selectOption('1')
  })

  it('skips a silence of both channels longer than 1.5 s', async () => {
    const gap = firstGap(2)!
    await h.page.getByRole('button', { name: 'Skip silence' }).click()
    expect(await player().getAttribute('data-skip-silence')).toBe('true')
    await seekTo(gap.startS + 0.2)
    await player().getByRole('button', { name: 'Play' }).click()
    await expect.poll(() => player().getAttribute('data-last-skip')).toBeTruthy()
    const [from, to] = (await player().getAttribute('data-last-skip'))!.split('-').map(Number)
    expect(from).toBeGreaterThanOrEqual(gap.startS)
    expect(from).toBeLessThan(to!)
    expect(to).toBeCloseTo(gap.endS - 0.25, 1)
    expect(await audioTime()).toBeGreaterThan(gap.endS - 0.3)
    await pause()
    await h.page.getByRole('button', { name: 'Skip silence' }).click()
  })
})
