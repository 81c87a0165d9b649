// The list's keyboard: up/down (page up/down, home/end) move the selection and keep it in view,
// Enter opens the selected call, Esc closes it, Ctrl/Cmd+C copies its id.
import type { KeyboardEvent } from 'react'
import { useStore } from '../../store'
import { rowAt } from '../../store/rows.slice'
import { useCopyId } from './useCopyId'

export function useTableKeys(scrollTo: (index: number) => void, pageRows: () => number) {
  const copyId = useCopyId()
  return (e: KeyboardEvent) => {
    const s = useStore.getState()
    const last = Math.max(0, (s.total ?? 1) - 1)
    const move = (index: number) => {
      const next = Math.max(0, Math.min(last, index))
      s.select(next)
      scrollTo(next)
    }
    const page = pageRows()
    const mod = e.ctrlKey || e.metaKey
    const actions: Record<string, () => void> = {
      ArrowDown: () => move(s.selected + 1),
      ArrowUp: () => move(s.selected - 1),
      PageDown: () => move(s.selected + page),
      PageUp: () => move(s.selected - page),
      Home: () => move(0),
      End: () => move(last),
      Enter: () => {
        const row = rowAt(s.blocks, s.selected)
        if (row) void s.openCallById(row.id)
      },
      Escape: () => s.closeCall(),
    }
    const action = !mod && !e.altKey ? actions[e.key] : undefined
    if (action) {
      e.preventDefault()
      action()
    } else if (mod && e.key.toLowerCase() === 'c' && !window.getSelection()?.toString()) {
      const row = rowAt(s.blocks, s.selected)
      if (row) {
        e.preventDefault()
        void copyId(row.id)
      }
    }
  }
}
