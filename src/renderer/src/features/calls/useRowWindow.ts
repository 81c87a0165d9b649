// Which rows of the call list are on screen. Every row has the same height, so this is arithmetic
// on the scroll offset (rowWindow.ts), the same cost at 100 calls or 100k. A general virtualiser
// keeps one measurement per item and rebuilt all of them whenever a new query changed the count:
// at 100k calls a few milliseconds and a hundred thousand objects to collect on every filter change.
// The list re-renders when the range of rows changes, not on every scroll event.
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { rowSpan, rowsToRender, scrollTopToShow, type RowGeometry, type View } from './rowWindow'

interface RowWindow {
  /** For the scrolling element. */
  scroller: RefObject<HTMLDivElement | null>
  /** First and last row to render (last < first when there are none). */
  first: number
  last: number
  scrollToIndex: (index: number) => void
  scrollToTop: () => void
  /** Rows a Page key moves by: a screenful less two, so a row of context stays. */
  pageRows: () => number
}

export function useRowWindow(count: number, geometry: RowGeometry): RowWindow {
  const { rowHeight, headerHeight, overscan } = geometry
  const scroller = useRef<HTMLDivElement>(null)
  const [view, setView] = useState<View>({ top: 0, height: 0 })

  // Measured before the first paint, so the first frame already shows a screenful of rows.
  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const g = { rowHeight, headerHeight, overscan }
    const update = () => {
      const next = { top: el.scrollTop, height: el.clientHeight }
      setView((prev) => {
        const [a, b] = rowSpan(prev, g)
        const [c, d] = rowSpan(next, g)
        return a === c && b === d ? prev : next
      })
    }
    update()
    el.addEventListener('scroll', update, { passive: true })
    const resize = new ResizeObserver(update)
    resize.observe(el)
    return () => {
      el.removeEventListener('scroll', update)
      resize.disconnect()
    }
  }, [rowHeight, headerHeight, overscan])

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scroller.current
      if (!el) return
      const top = scrollTopToShow(index, { top: el.scrollTop, height: el.clientHeight }, { rowHeight, headerHeight, overscan })
      if (top !== el.scrollTop) el.scrollTop = top
    },
    [rowHeight, headerHeight, overscan],
  )
  const scrollToTop = useCallback(() => {
    // Only when scrolled: writing scrollTop forces a layout of the rows just rendered.
    if (scroller.current?.scrollTop) scroller.current.scrollTop = 0
  }, [])

  const pageRows = useCallback(() => {
    const height = (scroller.current?.clientHeight ?? 320) - headerHeight
    return Math.max(1, Math.floor(height / rowHeight) - 2)
  }, [rowHeight, headerHeight])

  const [first, last] = rowsToRender(view, count, geometry)
  return { scroller, first, last, scrollToIndex, scrollToTop, pageRows }
}
