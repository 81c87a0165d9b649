// Review shortcuts while a call is open: Shift+U/I/D/G set the status, N opens the next call of
// the queue, Ctrl/⌘+Z (not Shift, which is redo elsewhere) undoes the call's last annotation
// change. Not while typing, in the call list or in a dialog: the player keys' rule (lib/keys.ts).
import { useEffect } from 'react'
import { REVIEW_STATUSES } from '@shared/review'
import { ignored } from '../../lib/keys'
import { useStore } from '../../store'
import { STATUS_KEYS } from './StatusButtons'

export function useReviewKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (ignored(e)) return
      const s = useStore.getState()
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault()
        return void s.undoReview()
      }
      if (e.ctrlKey || e.metaKey) return
      const status = e.shiftKey ? REVIEW_STATUSES.find((st) => STATUS_KEYS[st] === e.key.toUpperCase()) : undefined
      if (status) {
        e.preventDefault()
        void s.setReviewStatus(status)
      } else if (!e.shiftKey && e.key.toLowerCase() === 'n' && s.viewId) {
        e.preventDefault()
        void s.reviewNext()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
