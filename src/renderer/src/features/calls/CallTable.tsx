// The virtualised call list: only the rows on screen exist in the DOM, and their data is fetched
// in blocks around them. Headers sort on click and resize by dragging their right edge; the
// keyboard moves the selection (up/down, page up/down, home/end) and Enter opens the call.
import { memo, useCallback, useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useShallow } from 'zustand/react/shallow'
import type { CallRow } from '@shared/query'
import type { CallColumn } from '@shared/settings'
import { useStore } from '../../store'
import { COLUMNS } from './columns'

const ROW_HEIGHT = 32

interface RowProps {
  index: number
  start: number
  row: CallRow | undefined
  columns: CallColumn[]
  template: string
  selected: boolean
  open: boolean
  warn: number
  bad: number
  onPick: (index: number, row: CallRow | undefined) => void
}

/** One row; memoised so scrolling re-renders only the rows that enter the window. */
const Row = memo(function Row({ index, start, row, columns, template, selected, open, warn, bad, onPick }: RowProps) {
  return (
    <div
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      className={`tr ${selected ? 'selected' : ''} ${open ? 'open' : ''}`}
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: template }}
      onClick={() => onPick(index, row)}
    >
      {row ? (
        columns.map((c) => (
          <div key={c} role="gridcell" className={`td ${COLUMNS[c].align === 'right' ? 'right' : ''}`}>
            {COLUMNS[c].cell(row, { warn, bad })}
          </div>
        ))
      ) : (
        <div className="td placeholder" style={{ gridColumn: `1 / span ${columns.length}` }} />
      )}
    </div>
  )
})

export function CallTable() {
  const { columns, widths, total, rows, query, selected, openId, settings } = useStore(
    useShallow((s) => ({ columns: s.layout.columns, widths: s.layout.widths, total: s.total, rows: s.rows, query: s.query, selected: s.selected, openId: s.openId, settings: s.settings })),
  )
  const { ensureRange, toggleSort, setWidth, select, openCallById } = useStore(
    useShallow((s) => ({ ensureRange: s.ensureRange, toggleSort: s.toggleSort, setWidth: s.setWidth, select: s.select, openCallById: s.openCallById })),
  )
  const scroller = useRef<HTMLDivElement>(null)
  // TanStack Virtual returns new functions each render by design; the React Compiler skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0

  useEffect(() => {
    if (total) ensureRange(first, last)
  }, [first, last, total, rows, ensureRange])

  const widthOf = (c: CallColumn) => widths[c] ?? COLUMNS[c].width
  const template = columns.map((c) => `${widthOf(c)}px`).join(' ')
  const totalWidth = columns.reduce((sum, c) => sum + widthOf(c), 0)
  const ctx = { warn: settings?.latencyWarnMs ?? 800, bad: settings?.latencyBadMs ?? 1500 }

  const pick = useCallback(
    (index: number, row: CallRow | undefined) => {
      select(index)
      if (row) void openCallById(row.id)
    },
    [select, openCallById],
  )
  const move = (index: number) => {
    select(index)
    virtualizer.scrollToIndex(Math.max(0, Math.min((total ?? 1) - 1, index)), { align: 'auto' })
  }
  const onKeyDown = (e: KeyboardEvent) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 320) / ROW_HEIGHT) - 1)
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(selected + 1),
      ArrowUp: () => move(selected - 1),
      PageDown: () => move(selected + page),
      PageUp: () => move(selected - page),
      Home: () => move(0),
      End: () => move((total ?? 1) - 1),
      Enter: () => {
        const row = rows.get(selected)
        if (row) void openCallById(row.id)
      },
    }
    const action = keys[e.key]
    if (action) {
      e.preventDefault()
      action()
    } else if ((e.key === 'c' || e.key === 'C') && (e.metaKey || e.ctrlKey) && !window.getSelection()?.toString()) {
      const row = rows.get(selected)
      if (row) void navigator.clipboard?.writeText(row.id).catch(() => {})
    }
  }

  const startResize = (column: CallColumn) => (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault()
    e.stopPropagation()
    const startX = e.clientX
    const start = widthOf(column)
    const onMove = (ev: globalThis.PointerEvent) => setWidth(column, start + ev.clientX - startX)
    const onUp = () => {
      window.removeEventListener('pointermove', onMove)
      window.removeEventListener('pointerup', onUp)
    }
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
  }

  return (
    <div className="table" role="grid" aria-label="Calls" aria-rowcount={total ?? 0} tabIndex={0} onKeyDown={onKeyDown} ref={scroller} data-testid="call-table">
      <div className="thead" role="row" style={{ gridTemplateColumns: template, width: totalWidth }}>
        {columns.map((c) => {
          const def = COLUMNS[c]
          const sorted = def.sort !== null && query.sortBy === def.sort
          return (
            <div key={c} role="columnheader" aria-sort={sorted ? (query.sortOrder === 'asc' ? 'ascending' : 'descending') : 'none'} className={`th ${def.align === 'right' ? 'right' : ''}`}>
              {def.sort ? (
                <button type="button" className="th-button" onClick={() => toggleSort(def.sort!)}>
                  {def.title}
                  <span className="sort-mark" aria-hidden="true">{sorted ? (query.sortOrder === 'asc' ? '▲' : '▼') : ''}</span>
                </button>
              ) : (
                <span className="th-label">{def.title}</span>
              )}
              <span className="resizer" role="separator" aria-label={`Resize ${def.title}`} onPointerDown={startResize(c)} />
            </div>
          )
        })}
      </div>
      <div className="tbody" style={{ height: virtualizer.getTotalSize(), width: totalWidth }}>
        {items.map((item) => {
          const row = rows.get(item.index)
          return (
            <Row
              key={item.key}
              index={item.index}
              start={item.start}
              row={row}
              columns={columns}
              template={template}
              selected={item.index === selected}
              open={row !== undefined && row.id === openId}
              warn={ctx.warn}
              bad={ctx.bad}
              onPick={pick}
            />
          )
        })}
      </div>
    </div>
  )
}
