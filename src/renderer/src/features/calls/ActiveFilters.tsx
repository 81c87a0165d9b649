// The filters that narrow the list, as chips: each says what it does and removes itself.
import { useShallow } from 'zustand/react/shallow'
import { filterChips } from '../../lib/filterChips'
import { useStore } from '../../store'

export function ActiveFilters() {
  const { query, facets, setQuery, clearFilters } = useStore(useShallow((s) => ({ query: s.query, facets: s.facets, setQuery: s.setQuery, clearFilters: s.clearFilters })))
  const chips = filterChips(query, facets)
  if (!chips.length) return null
  return (
    <ul className="chips" aria-label="Active filters">
      {chips.map((c) => (
        <li key={c.key} className="filter-chip">
          <span className="ellipsis" title={c.text}>{c.text}</span>
          <button type="button" aria-label={`Remove filter ${c.text}`} onClick={() => setQuery(c.remove)}>×</button>
        </li>
      ))}
      <li>
        <button type="button" className="link" onClick={clearFilters}>Clear all</button>
      </li>
    </ul>
  )
}
