// The arithmetic of the call list's row window (useRowWindow): rows all have the same height and
// start below a sticky header, so what is on screen follows from the scroll offset alone.

export interface RowGeometry {
  rowHeight: number
  /** A sticky header at the top of the scroller, over the first rows' space. */
  headerHeight: number
  /** Rows rendered beyond each edge of the screen. */
  overscan: number
}

export interface View {
  /** scrollTop and clientHeight of the scroller. */
  top: number
  height: number
}

/** The rows around the screen, before they are limited to the rows there are. */
export function rowSpan(view: View, g: RowGeometry): [first: number, last: number] {
  const first = Math.floor(view.top / g.rowHeight) - g.overscan
  const last = Math.ceil((view.top + view.height - g.headerHeight) / g.rowHeight) - 1 + g.overscan
  return [first, last]
}

/** The rows to render of `count` (last < first when there are none). */
export function rowsToRender(view: View, count: number, g: RowGeometry): [first: number, last: number] {
  const [first, last] = rowSpan(view, g)
  return [Math.max(0, first), Math.min(count - 1, last)]
}

/** The scrollTop that shows the row below the header by scrolling the least (unchanged when it shows). */
export function scrollTopToShow(index: number, view: View, g: RowGeometry): number {
  const top = index * g.rowHeight
  if (top < view.top) return top
  const bottom = top + g.headerHeight + g.rowHeight
  return bottom > view.top + view.height ? bottom - view.height : view.top
}
