// The list's header row: click a title to sort (again to reverse), drag a column's right edge to
// resize it (or focus the edge and use the arrow keys; double-click restores the width).
import type { KeyboardEvent, PointerEvent } from 'react'
import type { CallSortColumn } from '@shared/query'
import type { CallColumn } from '@shared/settings'
import { COLUMNS } from './columns'

interface Props {
  columns: CallColumn[]
  template: string
  sortBy: CallSortColumn | undefined
  sortOrder: 'asc' | 'desc' | undefined
  widthOf: (c: CallColumn) => number
  onSort: (column: CallSortColumn) => void
  onWidth: (column: CallColumn, width: number | null) => void
}

export function TableHeader({ columns, template, sortBy, sortOrder, widthOf, onSort, onWidth }: Props) {
  const startResize = (column: CallColumn) => (e: PointerEvent<HTMLSpanElement>) => {
    e.preventDefault()
    e.stopPropagation()
    const startX = e.clientX
    const start = widthOf(column)
    const onMove = (ev: globalThis.PointerEvent) => onWidth(column, start + ev.clientX - startX)
    const onUp = () => {
      window.removeEventListener('pointermove', onMove)
      window.removeEventListener('pointerup', onUp)
      document.body.classList.remove('resizing')
    }
    document.body.classList.add('resizing')
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
  }
  const keyResize = (column: CallColumn) => (e: KeyboardEvent) => {
    const step = e.key === 'ArrowLeft' ? -16 : e.key === 'ArrowRight' ? 16 : 0
    if (!step) return
    e.preventDefault()
    e.stopPropagation()
    onWidth(column, widthOf(column) + step)
  }
  return (
    <div className="thead" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
      {columns.map((c) => {
        const def = COLUMNS[c]
        const sorted = def.sort !== null && sortBy === def.sort
        return (
          <div key={c} role="columnheader" aria-sort={sorted ? (sortOrder === 'asc' ? 'ascending' : 'descending') : undefined} className={def.align === 'right' ? 'th right' : 'th'}>
            {def.sort ? (
              <button type="button" className="th-button" title={`Sort by ${def.title.toLowerCase()}`} onClick={() => onSort(def.sort!)}>
                {def.title}
                <span className="sort-mark" aria-hidden="true">{sorted ? (sortOrder === 'asc' ? '▲' : '▼') : ''}</span>
              </button>
            ) : (
              <span className="th-label">{def.title}</span>
            )}
            <span
              className="resizer"
              role="separator"
              aria-orientation="vertical"
              aria-label={`Resize ${def.title}`}
              aria-valuenow={widthOf(c)}
              tabIndex={-1}
              onPointerDown={startResize(c)}
              onDoubleClick={() => onWidth(c, null)}
              onKeyDown={keyResize(c)}
            />
          </div>
        )
      })}
    </div>
  )
}
