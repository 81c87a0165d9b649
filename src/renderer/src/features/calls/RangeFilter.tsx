// A min–max pair of the query (duration, cost or latency), applied when a field loses focus or
// Enter is pressed; empty means open-ended.
import { memo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'

type Range = 'duration' | 'cost' | 'latency'
const parse = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()))
const bad = (s: string) => s.trim() !== '' && !Number.isFinite(Number(s.trim()))

export const RangeFilter = memo(function RangeFilter({ title, field }: { title: string; field: Range }) {
  const { min, max, setQuery } = useStore(useShallow((s) => ({ min: s.query[`${field}Min`], max: s.query[`${field}Max`], setQuery: s.setQuery })))
  const [lo, setLo] = useState(min?.toString() ?? '')
  const [hi, setHi] = useState(max?.toString() ?? '')
  // When the filter changes elsewhere (a chip, Clear all, a saved view), show the new values.
  const [shown, setShown] = useState({ min, max })
  if (shown.min !== min || shown.max !== max) {
    setShown({ min, max })
    setLo(min?.toString() ?? '')
    setHi(max?.toString() ?? '')
  }
  const error = bad(lo) || bad(hi) ? 'Enter numbers only.' : parse(lo) !== undefined && parse(hi) !== undefined && parse(lo)! > parse(hi)! ? 'The minimum is above the maximum.' : null
  const apply = () => {
    if (error) return
    if (parse(lo) !== min || parse(hi) !== max) setQuery({ [`${field}Min`]: parse(lo), [`${field}Max`]: parse(hi) })
  }
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      <div className="range" onKeyDown={(e) => e.key === 'Enter' && apply()}>
        <input type="text" inputMode="decimal" aria-label={`${title} from`} aria-invalid={error ? true : undefined} placeholder="min" value={lo} onChange={(e) => setLo(e.target.value)} onBlur={apply} />
        <span aria-hidden="true">–</span>
        <input type="text" inputMode="decimal" aria-label={`${title} to`} aria-invalid={error ? true : undefined} placeholder="max" value={hi} onChange={(e) => setHi(e.target.value)} onBlur={apply} />
      </div>
      {error ? <p className="inline-error" role="alert">{error}</p> : null}
    </fieldset>
  )
})
