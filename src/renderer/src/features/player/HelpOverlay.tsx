// The list of the call view's shortcuts (?), closed by Esc, the button or a click outside.
import { useEffect, useRef } from 'react'
import { SHORTCUTS } from './shortcuts'

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div ref={ref} className="help" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-player-help tabIndex={-1} onClick={(e) => e.stopPropagation()}>
        <header className="help-head">
          <h3>Keyboard shortcuts</h3>
          <button type="button" className="btn btn-quiet btn-small" onClick={onClose} aria-label="Close shortcuts">✕</button>
        </header>
        <dl className="help-keys">
          {SHORTCUTS.map(([k, what]) => [<dt key={`${k}-k`}><kbd>{k}</kbd></dt>, <dd key={`${k}-d`}>{what}</dd>])}
        </dl>
        <p className="muted small">Keys work when the cursor is not in a text box or in the call list.</p>
      </div>
    </div>
  )
}
