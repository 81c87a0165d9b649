// Keyboard control of the open call. Keys act only when focus is not in a text field or the call
// list (whose arrows and Esc are its own), and never with Alt or (except Ctrl/⌘+F) Ctrl/⌘.
import { useEffect, useRef } from 'react'
import { useStore } from '../../store'
import { nextTurn, previousTurn, zoomBy } from './commands'
import type { Engine } from './engine'
import { ignored } from '../../lib/keys'

interface Handlers {
  engine: Engine | null
  starts: number[]
  toggleHelp: (open?: boolean) => void
  helpOpen: boolean
  focusFind: () => void
}

export function usePlayerKeys(handlers: Handlers): void {
  const ref = useRef(handlers)
  useEffect(() => {
    ref.current = handlers
  })
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { engine, starts, toggleHelp, helpOpen, focusFind } = ref.current
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f' && !e.altKey) {
        e.preventDefault()
        return focusFind()
      }
      if (e.ctrlKey || e.metaKey || ignored(e)) return
      const s = useStore.getState()
      const act: Record<string, () => void> = {
        '?': () => toggleHelp(),
        Escape: () => (helpOpen ? toggleHelp(false) : s.closeCall()),
        '1': () => s.setSolo('agent'),
        '2': () => s.setSolo('caller'),
        '3': () => s.setSolo('both'),
        '[': () => s.stepRate(-1),
        ']': () => s.stepRate(1),
        f: () => s.setFollow(!s.follow),
        s: () => s.toggleSkipSilence(),
      }
      if (engine) {
        Object.assign(act, {
          ' ': () => engine.toggle(),
          k: () => engine.toggle(),
          j: () => engine.skip(-5),
          ArrowLeft: () => engine.skip(-5),
          l: () => engine.skip(5),
          ArrowRight: () => engine.skip(5),
          ArrowUp: () => previousTurn(engine, starts),
          ArrowDown: () => nextTurn(engine, starts),
          '+': () => zoomBy(engine, 1.5),
          '=': () => zoomBy(engine, 1.5),
          '-': () => zoomBy(engine, 1 / 1.5),
        })
      }
      const run = act[e.key.length === 1 ? e.key.toLowerCase() : e.key] ?? act[e.key]
      if (!run) return
      e.preventDefault()
      run()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
