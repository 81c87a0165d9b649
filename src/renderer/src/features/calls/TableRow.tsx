// One row of the call list; memoised so a fast scroll re-renders only the rows entering the window.
import { memo } from 'react'
import type { CallRow } from '@shared/query'
import type { CallColumn } from '@shared/settings'
import { COLUMNS } from './columns'

export const ROW_HEIGHT = 32
/** The sticky header's height (styles.css .thead). */
export const HEADER_HEIGHT = 34

export interface RowProps {
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

export const rowDomId = (index: number) => `call-row-${index}`

export const TableRow = memo(function TableRow({ index, start, row, columns, template, selected, open, warn, bad, onPick }: RowProps) {
  return (
    <div
      id={rowDomId(index)}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-busy={row ? undefined : true}
      data-call-id={row?.id}
      className={`tr${selected ? ' selected' : ''}${open ? ' open' : ''}`}
      style={{ transform: `translateY(${start}px)`, gridTemplateColumns: template }}
      onClick={() => onPick(index, row)}
      onDoubleClick={() => onPick(index, row)}
    >
      {row
        ? columns.map((c) => {
            const def = COLUMNS[c]
            const ctx = { warn, bad }
            const extra = def.className?.(row, ctx)
            return (
              <div key={c} role="gridcell" className={`td${def.align === 'right' ? ' right' : ''}${extra ? ` ${extra}` : ''}`} title={def.tip?.(row)}>
                {def.render ? def.render(row, ctx) : def.text!(row)}
              </div>
            )
          })
        : (
            <div role="gridcell" className="td placeholder-cell" style={{ gridColumn: '1 / -1' }}>
              <span className="placeholder" />
            </div>
          )}
    </div>
  )
})
