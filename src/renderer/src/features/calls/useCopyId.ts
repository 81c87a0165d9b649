import { useCallback } from 'react'
import { copyText } from '../../lib/clipboard'
import { useStore } from '../../store'

/** Copies a call id and says so (or says it could not). */
export function useCopyId() {
  const showToast = useStore((s) => s.showToast)
  return useCallback(
    async (id: string) => showToast((await copyText(id)) ? `Copied ${id}` : 'Could not copy: the clipboard is not available.'),
    [showToast],
  )
}
