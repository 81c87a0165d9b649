// The virtualised call list: only the rows on screen exist in the DOM, their data fetched in
// blocks around them (rows.slice). A new query's rows scroll the list back to the top.
import { useCallback, useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { CallRow } from '@shared/query'
import type { CallColumn } from '@shared/settings'
import { useThresholds } from '../../hooks/useThresholds'
import { useStore } from '../../store'
import { rowAt } from '../../store/rows.slice'
import { COLUMNS } from './columns'
import { TableHeader } from './TableHeader'
import { HEADER_HEIGHT, ROW_HEIGHT, rowDomId, TableRow } from './TableRow'
import { useRowWindow } from './useRowWindow'
import { useTableKeys } from './useTableKeys'

/** Rows are keyed by slot, not by index: a row leaving the window hands its DOM to the row
 * entering it, so a fast scroll updates text in place instead of building and laying out fresh
 * elements every frame. Any ROW_SLOTS consecutive indices have distinct slots. */
const ROW_SLOTS = 256

export function CallTable() {
  const { warn, bad } = useThresholds()
  const { columns, widths, total, blocks, sortBy, sortOrder, selected, openId, scrollSeq } = useStore(
    useShallow((s) => ({
      columns: s.layout.columns, widths: s.layout.widths, total: s.total ?? 0, blocks: s.blocks, sortBy: s.query.sortBy, sortOrder: s.query.sortOrder,
      selected: s.selected, openId: s.openId, scrollSeq: s.scrollSeq,
    })),
  )
  const { ensureRange, toggleSort, setWidth, select, openCallById } = useStore(
    useShallow((s) => ({ ensureRange: s.ensureRange, toggleSort: s.toggleSort, setWidth: s.setWidth, select: s.select, openCallById: s.openCallById })),
  )
  const { scroller, first, last, scrollToIndex, scrollToTop, pageRows } = useRowWindow(total, { rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT, overscan: 3 })

  useEffect(() => {
    if (total) ensureRange(first, last)
  }, [first, last, total, blocks, ensureRange])
  useEffect(() => scrollToTop(), [scrollSeq, scrollToTop])

  const widthOf = useCallback((c: CallColumn) => widths[c] ?? COLUMNS[c].width, [widths])
  // The last column takes the room left over, so the rows always fill the pane.
  const template = columns.map((c, i) => (i === columns.length - 1 ? `minmax(${widthOf(c)}px, 1fr)` : `${widthOf(c)}px`)).join(' ')
  const minWidth = columns.reduce((sum, c) => sum + widthOf(c), 0)

  const pick = useCallback(
    (index: number, row: CallRow | undefined) => {
      select(index)
      if (row) void openCallById(row.id)
    },
    [select, openCallById],
  )
  const onKeyDown = useTableKeys(scrollToIndex, pageRows)
  const active = selected >= first && selected <= last ? rowDomId(selected) : undefined
  const indices = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i)

  return (
    <div
      className="table"
      role="grid"
      aria-label="Calls"
      aria-rowcount={total + 1}
      aria-colcount={columns.length}
      aria-activedescendant={active}
      tabIndex={0}
      onKeyDown={onKeyDown}
      ref={scroller}
      data-testid="call-table"
    >
      <div className="table-inner" style={{ minWidth }}>
        <TableHeader columns={columns} template={template} sortBy={sortBy} sortOrder={sortOrder} widthOf={widthOf} onSort={toggleSort} onWidth={setWidth} />
        <div className="tbody" role="rowgroup" style={{ height: total * ROW_HEIGHT }}>
          {indices.map((index) => {
            const row = rowAt(blocks, index)
            return (
              <TableRow
                key={index % ROW_SLOTS}
                index={index}
                start={index * ROW_HEIGHT}
                row={row}
                columns={columns}
                template={template}
                selected={index === selected}
                open={row !== undefined && row.id === openId}
                warn={warn}
                bad={bad}
                onPick={pick}
              />
            )
          })}
        </div>
      </div>
    </div>
  )
}
