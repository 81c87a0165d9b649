import { useState } from 'react'
import { CALL_COLUMNS } from '@shared/settings'
import { useStore } from '../../store'
import { COLUMNS } from './columns'

/** Which columns the list shows (at least one). */
export function ColumnChooser() {
  const columns = useStore((s) => s.layout.columns)
  const setColumns = useStore((s) => s.setColumns)
  const [open, setOpen] = useState(false)
  return (
    <div className="popover-anchor">
      <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen(!open)}>
        Columns
      </button>
      {open ? (
        <div className="popover" role="dialog" aria-label="Columns">
          {CALL_COLUMNS.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                checked={columns.includes(c)}
                disabled={columns.length === 1 && columns.includes(c)}
                onChange={(e) => setColumns(e.target.checked ? [...columns, c] : columns.filter((x) => x !== c))}
              />
              {COLUMNS[c].title}
            </label>
          ))}
        </div>
      ) : null}
    </div>
  )
}
