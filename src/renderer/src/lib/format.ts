// How values read in the interface: durations, times, money, and the platform's codes in words.

export function duration(seconds: number): string {
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const rest = String(s % 60).padStart(2, '0')
  return h ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`
}

const timeFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' })
const shortFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' })

/** Intl formatting is the costliest part of a list cell: results are kept (bounded). */
function memo(format: (iso: string) => string): (iso: string) => string {
  const cache = new Map<string, string>()
  return (iso) => {
    let out = cache.get(iso)
    if (out === undefined) {
      if (cache.size >= 5000) cache.clear()
      out = format(iso)
      cache.set(iso, out)
    }
    return out
  }
}
const fullTime = memo((iso) => timeFormat.format(new Date(iso)))
export const dateTime = (iso: string | null) => (iso ? fullTime(iso) : '—')
/** Compact for list cells: the year only when it is not this year. */
export const shortDateTime = memo((iso) => {
  const d = new Date(iso)
  return d.getFullYear() === new Date().getFullYear() ? shortFormat.format(d) : timeFormat.format(d)
})

export function ago(ms: number | null, now = Date.now()): string {
  if (!ms) return 'never'
  const s = Math.round((now - ms) / 1000)
  if (s < 60) return 'just now'
  if (s < 3600) return `${Math.floor(s / 60)} min ago`
  if (s < 86400) return `${Math.floor(s / 3600)} h ago`
  return dateTime(new Date(ms).toISOString())
}

// One formatter for every count: toLocaleString() builds a new one each call (~0.1-0.3 ms), and
// the facet lists show dozens of counts on every filter change.
const counts = new Intl.NumberFormat()
/** A count with the locale's digit grouping: 35,160. */
export const count = (n: number) => counts.format(n)

export const credits = (n: number | null) => (n === null || n === undefined ? '—' : `${n.toFixed(2)}`)
export const ms = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${Math.round(n)} ms`)

const LABELS: Record<string, string> = {
  completed: 'Completed', failed: 'Failed', no_answer: 'No answer', cancelled: 'Cancelled', busy: 'Busy',
  in_progress: 'In progress', in_queue: 'Queued', pending: 'Pending', processing: 'Processing', active: 'Active',
  telephony_outbound: 'Outbound', telephony_inbound: 'Inbound', webcall: 'Web call', chat: 'Chat',
  unreviewed: 'Unreviewed', in_review: 'In review', done: 'Done', flagged: 'Flagged',
  user_hangup: 'Caller hung up', agent_hangup: 'Agent hung up', dial_no_answer: 'Not answered', timeout: 'Timed out',
  connection_error: 'Connection error', system_error: 'System error', transfer_complete: 'Transferred',
}
/** A platform code in words; unknown codes are shown as they are, never hidden. */
export const label = (code: string | null | undefined) => (code ? (LABELS[code] ?? code.replaceAll('_', ' ')) : '—')

const REASONS: Record<string, string> = {
  user_hangup: 'The caller ended the call.',
  agent_hangup: 'The agent ended the call, usually after finishing its task.',
  dial_no_answer: 'Nobody picked up the phone.',
  timeout: 'The call ended because nobody spoke for too long or it ran past its time limit.',
  connection_error: 'The phone or network connection failed.',
  system_error: 'Something failed on the platform during the call.',
  transfer_complete: 'The call was handed over to another number or person.',
}
export const explainReason = (code: string | null) => (code ? (REASONS[code] ?? `The platform reported "${code}".`) : 'No reason was reported.')

/** Where a response latency stands against the thresholds from Settings. */
export function latencyLevel(value: number, warn: number, bad: number): 'ok' | 'warn' | 'bad' {
  return value >= bad ? 'bad' : value >= warn ? 'warn' : 'ok'
}

export function latencyClass(value: number | null, warn: number, bad: number): string {
  return value === null ? '' : `lat-${latencyLevel(value, warn, bad)}`
}
