// When the calls were made: presets in whole local days (today, the last 7 or 30 days including
// today) or a custom range of days.
import { useShallow } from 'zustand/react/shallow'
import { dayBound, DATE_PRESETS, localDay, presetFrom, presetOf } from '../../lib/query'
import { useStore } from '../../store'

export function DateFilter() {
  const { from, to, setQuery } = useStore(useShallow((s) => ({ from: s.query.createdFrom, to: s.query.createdTo, setQuery: s.setQuery })))
  const preset = presetOf({ createdFrom: from, createdTo: to })
  const fromDay = localDay(from)
  const toDay = localDay(to)
  const reversed = fromDay && toDay && fromDay > toDay
  return (
    <fieldset className="facet">
      <legend>Created</legend>
      <div className="segmented" role="group" aria-label="Date range">
        {DATE_PRESETS.map((p) => (
          <button key={p.id} type="button" aria-pressed={preset === p.id} onClick={() => setQuery({ createdFrom: presetFrom(p.days), createdTo: undefined })}>
            {p.label}
          </button>
        ))}
      </div>
      <div className="dates">
        <label htmlFor="created-from">From</label>
        <input id="created-from" type="date" value={fromDay} max={toDay || undefined} onChange={(e) => setQuery({ createdFrom: dayBound(e.target.value, false) })} />
        <label htmlFor="created-to">To</label>
        <input id="created-to" type="date" value={toDay} min={fromDay || undefined} onChange={(e) => setQuery({ createdTo: dayBound(e.target.value, true) })} />
      </div>
      {reversed ? <p className="inline-error" role="alert">The start date is after the end date.</p> : null}
    </fieldset>
  )
}
