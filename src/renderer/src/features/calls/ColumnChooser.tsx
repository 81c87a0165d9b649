// Which columns the list shows (at least one), and a way back to the default widths.
import { CALL_COLUMNS } from '@shared/settings'
import { useShallow } from 'zustand/react/shallow'
import { usePopover } from '../../hooks/usePopover'
import { useStore } from '../../store'
import { COLUMNS } from './columns'

export function ColumnChooser() {
  const { columns, resized, setColumns, resetWidths } = useStore(
    useShallow((s) => ({ columns: s.layout.columns, resized: Object.keys(s.layout.widths).length > 0, setColumns: s.setColumns, resetWidths: s.resetWidths })),
  )
  const { open, setOpen, anchor } = usePopover()
  return (
    <div className="popover-anchor" ref={anchor}>
      <button type="button" className="btn" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)}>
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
          <div className="popover-foot">
            <button type="button" className="link small" disabled={!resized} onClick={resetWidths}>Reset column widths</button>
          </div>
        </div>
      ) : null}
    </div>
  )
}
