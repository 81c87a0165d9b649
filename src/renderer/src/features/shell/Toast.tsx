import { useStore } from '../../store'

/** A short notice at the bottom of the window ("Copied …"), read out by screen readers. */
export function Toast() {
  const toast = useStore((s) => s.toast)
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast ? <div key={toast.seq} className="toast">{toast.message}</div> : null}
    </div>
  )
}
