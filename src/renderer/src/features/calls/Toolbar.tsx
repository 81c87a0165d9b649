// Above the list: full-text search (debounced; "/" focuses it, Esc clears it), date presets,
// saved views and the column chooser.
import { useEffect, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'
import { ColumnChooser } from './ColumnChooser'
import { ViewsMenu } from './ViewsMenu'

const DAY = 86_400_000
const PRESETS: { label: string; from: () => string | undefined }[] = [
  { label: 'All time', from: () => undefined },
  { label: 'Today', from: () => new Date(new Date().setHours(0, 0, 0, 0)).toISOString() },
  { label: '7 days', from: () => new Date(Date.now() - 7 * DAY).toISOString() },
  { label: '30 days', from: () => new Date(Date.now() - 30 * DAY).toISOString() },
]

export function Toolbar() {
  const { text, createdFrom, createdTo, total, setQuery } = useStore(
    useShallow((s) => ({ text: s.query.text ?? '', createdFrom: s.query.createdFrom, createdTo: s.query.createdTo, total: s.total, setQuery: s.setQuery })),
  )
  const [draft, setDraft] = useState(text)
  const input = useRef<HTMLInputElement>(null)

  // When the query's text changes elsewhere (Clear, a saved view), show it.
  const [shownText, setShownText] = useState(text)
  if (shownText !== text) {
    setShownText(text)
    setDraft(text)
  }
  useEffect(() => {
    if (draft === text) return
    const t = setTimeout(() => setQuery({ text: draft.trim() ? draft : undefined }, { keepView: true }), 150)
    return () => clearTimeout(t)
  }, [draft, text, setQuery])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLTextAreaElement
      if (e.key === '/' && !typing) {
        e.preventDefault()
        input.current?.focus()
        input.current?.select()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  const preset = createdTo ? 'Custom' : (PRESETS.find((p) => p.label !== 'All time' && createdFrom && Math.abs(Date.parse(p.from()!) - Date.parse(createdFrom)) < 60_000)?.label ?? (createdFrom ? 'Custom' : 'All time'))

  return (
    <div className="toolbar">
      <label className="search">
        <span className="sr-only">Search calls</span>
        <input
          ref={input}
          type="search"
          placeholder="Search transcripts, summaries, ids, numbers   ( / )"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setDraft('')
              setQuery({ text: undefined }, { keepView: true })
              e.currentTarget.blur()
            }
          }}
        />
      </label>
      <div className="segmented" role="group" aria-label="Date range">
        {PRESETS.map((p) => (
          <button key={p.label} type="button" aria-pressed={preset === p.label} onClick={() => setQuery({ createdFrom: p.from(), createdTo: undefined })}>
            {p.label}
          </button>
        ))}
        <label className="date-custom">
          <span className="sr-only">From date</span>
          <input type="date" value={createdFrom?.slice(0, 10) ?? ''} onChange={(e) => setQuery({ createdFrom: e.target.value ? new Date(e.target.value).toISOString() : undefined })} />
        </label>
        <label className="date-custom">
          <span className="sr-only">To date</span>
          <input type="date" value={createdTo?.slice(0, 10) ?? ''} onChange={(e) => setQuery({ createdTo: e.target.value ? new Date(`${e.target.value}T23:59:59.999`).toISOString() : undefined })} />
        </label>
      </div>
      <span className="count" data-testid="result-count" aria-live="polite">
        {total === null ? 'Loading…' : `${total.toLocaleString()} calls`}
      </span>
      <ViewsMenu />
      <ColumnChooser />
    </div>
  )
}
