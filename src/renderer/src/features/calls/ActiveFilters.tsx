// The filters that narrow the list, as chips: each says what it does and removes itself. The bar
// keeps its height with no filter set, so adding the first filter or clearing the last does not
// move the list under the pointer (nor make the whole list repaint while the new rows are asked for).
import { useShallow } from 'zustand/react/shallow'
import { filterChips } from '../../lib/filterChips'
import { useStore } from '../../store'

export function ActiveFilters() {
  const { query, facets, setQuery, clearFilters } = useStore(useShallow((s) => ({ query: s.query, facets: s.facets, setQuery: s.setQuery, clearFilters: s.clearFilters })))
  const chips = filterChips(query, facets)
  return (
    <div className="filter-bar">
      {chips.length ? (
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
      ) : (
        <p className="muted no-filters">No filters: every call is listed.</p>
      )}
    </div>
  )
}
