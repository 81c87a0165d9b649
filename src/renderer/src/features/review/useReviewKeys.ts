// Review shortcuts while a call is open (not while typing): Shift+U/I/D/G set the status,
// N opens the next call of the queue, Ctrl/⌘+Z undoes the last annotation change.
import { useEffect } from 'react'
import { REVIEW_STATUSES } from '@shared/review'
import { useStore } from '../../store'
import { STATUS_KEYS } from './StatusButtons'

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))

export function useReviewKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e.target) || e.altKey) return
      const s = useStore.getState()
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
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
