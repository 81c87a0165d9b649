// Full-text search over transcripts, summaries, ids and numbers: applied 150 ms after typing
// stops (Enter applies at once); "/" anywhere focuses it, Esc clears it (and, when empty, goes
// back to the list).
import { useEffect, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { ignored } from '../../lib/keys'
import { useStore } from '../../store'

const DEBOUNCE_MS = 150
export function SearchBox() {
  const { text, setQuery } = useStore(useShallow((s) => ({ text: s.query.text ?? '', setQuery: s.setQuery })))
  const [draft, setDraft] = useState(text)
  const input = useRef<HTMLInputElement>(null)
  // The query's text changed elsewhere (a chip, Clear filters, a saved view): show it.
  const [shown, setShown] = useState(text)
  if (shown !== text) {
    setShown(text)
    setDraft(text)
  }
  const apply = (value: string) => {
    if (value.trim() !== text) setQuery({ text: value.trim() || undefined })
  }
  useEffect(() => {
    if (draft.trim() === text) return
    const t = setTimeout(() => setQuery({ text: draft.trim() || undefined }), DEBOUNCE_MS)
    return () => clearTimeout(t)
  }, [draft, text, setQuery])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !e.ctrlKey && !e.metaKey && !ignored(e)) {
        e.preventDefault()
        input.current?.focus()
        input.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <div className="search">
      <span className="search-icon" aria-hidden="true">⌕</span>
      <input
        ref={input}
        type="search"
        aria-label="Search calls"
        aria-keyshortcuts="/"
        placeholder="Search transcripts, summaries, ids, numbers"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply(draft)
          if (e.key === 'Escape') {
            e.preventDefault()
            if (draft || text) {
              setDraft('')
              apply('')
            } else document.querySelector<HTMLElement>('[role="grid"]')?.focus()
          }
        }}
      />
      <kbd className="search-key" aria-hidden="true">/</kbd>
    </div>
  )
}
