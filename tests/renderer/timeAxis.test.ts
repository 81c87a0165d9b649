// Pure renderer logic, tested in Node (no DOM): typechecked with the renderer (tsconfig.web.json).
// The call view's time axis: readable steps at every zoom, labels on ticks, never a flood of labels.
import { describe, expect, it } from 'vitest'
import { axisSteps } from '../../src/renderer/src/features/player/timing'

describe('time axis steps', () => {
  it.each([
    ['a 60-minute call across 900 px', 3600, 900],
    ['a 10-minute call across 900 px', 600, 900],
    ['a 1-minute call across 900 px', 60, 900],
    ['a 10-minute call zoomed to 100 px a second', 600, 60_000],
  ])('%s: ticks at least 10 px apart, labels at least 64 px apart and on a tick', (_name, durationS, widthPx) => {
    const { tickS, labelS } = axisSteps(durationS, widthPx)
    const pxPerS = widthPx / durationS
    expect(tickS * pxPerS).toBeGreaterThanOrEqual(10)
    expect(labelS * pxPerS).toBeGreaterThanOrEqual(64)
    expect(labelS % tickS).toBe(0)
  })

  it('picks the finest readable steps, and keeps labels to a few hundred when zoomed far in', () => {
    expect(axisSteps(60, 900)).toEqual({ tickS: 1, labelS: 5 }) // 15 px a second
    expect(axisSteps(3600, 900)).toEqual({ tickS: 60, labelS: 300 }) // 0.25 px a second
    const deep = axisSteps(3600, 3600 * 400) // 400 px a second
    expect(deep.tickS).toBe(1)
    expect(3600 / deep.labelS).toBeLessThanOrEqual(600)
  })
})
