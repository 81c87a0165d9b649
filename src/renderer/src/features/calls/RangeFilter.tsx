import { useState } from 'react'

/** A min–max pair applied when a field loses focus or Enter is pressed; empty means open. */
export function RangeFilter({ title, min, max, onChange }: { title: string; min?: number; max?: number; onChange: (min?: number, max?: number) => void }) {
  const [lo, setLo] = useState(min?.toString() ?? '')
  const [hi, setHi] = useState(max?.toString() ?? '')
  // When the filter changes elsewhere (Clear, a saved view), show the new values.
  const [shown, setShown] = useState({ min, max })
  if (shown.min !== min || shown.max !== max) {
    setShown({ min, max })
    setLo(min?.toString() ?? '')
    setHi(max?.toString() ?? '')
  }
  const parse = (s: string) => (s.trim() === '' || Number.isNaN(Number(s)) ? undefined : Number(s))
  const invalid = (lo.trim() !== '' && Number.isNaN(Number(lo))) || (hi.trim() !== '' && Number.isNaN(Number(hi)))
  const apply = () => {
    if (invalid) return
    if (parse(lo) !== min || parse(hi) !== max) onChange(parse(lo), parse(hi))
  }
  return (
    <fieldset className="facet">
      <legend>{title}</legend>
      <div className="range" onKeyDown={(e) => e.key === 'Enter' && apply()}>
        <input type="text" inputMode="decimal" aria-label={`${title} from`} placeholder="min" value={lo} onChange={(e) => setLo(e.target.value)} onBlur={apply} />
        <span aria-hidden="true">–</span>
        <input type="text" inputMode="decimal" aria-label={`${title} to`} placeholder="max" value={hi} onChange={(e) => setHi(e.target.value)} onBlur={apply} />
      </div>
      {invalid ? <p className="inline-error">Enter numbers only.</p> : null}
    </fieldset>
  )
}
