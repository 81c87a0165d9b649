// The find box of the call view: the match count, next / previous (Enter / Shift+Enter), Esc
// clears. Ctrl/⌘+F focuses it (usePlayerKeys).
import { FIND_INPUT_ID } from './PlayerProvider'

interface Props {
  query: string
  onQuery: (q: string) => void
  count: number
  current: number
  onStep: (dir: 1 | -1) => void
}

export function TranscriptFind({ query, onQuery, count, current, onStep }: Props) {
  return (
    <div className="find" role="search" aria-label="Find in this call">
      <input
        id={FIND_INPUT_ID}
        type="search"
        placeholder="Find in this call"
        aria-label="Find in this call"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            onStep(e.shiftKey ? -1 : 1)
          } else if (e.key === 'Escape') {
            e.preventDefault()
            if (query) onQuery('')
            else e.currentTarget.blur()
          }
        }}
      />
      <span className="find-count muted small" aria-live="polite" data-testid="find-count">
        {query.trim() ? (count ? `${current + 1} of ${count}` : 'No matches') : ''}
      </span>
      <button type="button" className="btn btn-small" disabled={!count} onClick={() => onStep(-1)} aria-label="Previous match">↑</button>
      <button type="button" className="btn btn-small" disabled={!count} onClick={() => onStep(1)} aria-label="Next match">↓</button>
    </div>
  )
}
