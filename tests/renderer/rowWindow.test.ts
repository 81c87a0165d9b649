// Pure renderer logic, tested in Node (no DOM): typechecked with the renderer (tsconfig.web.json).
// The call list's row window: which rows to render and where to scroll to show one.
import { describe, expect, it } from 'vitest'
import { rowsToRender, scrollTopToShow } from '../../src/renderer/src/features/calls/rowWindow'

const g = { rowHeight: 32, headerHeight: 34, overscan: 3 }
// A pane 674 px tall: the header and 20 rows.
const height = 34 + 20 * 32

describe('call list row window', () => {
  it('renders the rows on screen and a few beyond, never outside the list', () => {
    expect(rowsToRender({ top: 0, height }, 100_000, g)).toEqual([0, 22])
    // Scrolled by 10.5 rows: rows 10 (half under the header) to 30 (half in view) are on screen.
    expect(rowsToRender({ top: 336, height }, 100_000, g)).toEqual([7, 33])
    expect(rowsToRender({ top: 0, height }, 5, g)).toEqual([0, 4])
    const [first, last] = rowsToRender({ top: 0, height }, 0, g)
    expect(last).toBeLessThan(first)
  })

  it('renders the last row when scrolled to the bottom', () => {
    const count = 1000
    const bottom = 34 + count * 32 - height
    expect(rowsToRender({ top: bottom, height }, count, g)[1]).toBe(count - 1)
  })

  it('scrolls the least to show a row below the header, and not at all when it shows', () => {
    const view = { top: 320, height } // rows 10-29 under the header
    expect(scrollTopToShow(15, view, g)).toBe(320)
    expect(scrollTopToShow(29, view, g)).toBe(320)
    // One row down: the list moves one row up; one row up: the row lands just below the header.
    expect(scrollTopToShow(30, view, g)).toBe(352)
    expect(scrollTopToShow(9, view, g)).toBe(288)
    expect(scrollTopToShow(0, view, g)).toBe(0)
  })
})
