// The call list's columns: header, default width, the sort key they map to, and the cell. Most
// cells are plain text with a class and a tooltip on the cell itself (fewer DOM nodes per row:
// a fast scroll renders ~50 new rows a frame).
import type { ReactNode } from 'react'
import type { CallRow, CallSortColumn } from '@shared/query'
import type { CallColumn } from '@shared/settings'
import { credits, dateTime, duration, label, latencyClass, ms, shortDateTime } from '../../lib/format'
import { Snippet } from './Snippet'

export interface CellContext {
  warn: number
  bad: number
}

export interface ColumnDef {
  title: string
  width: number
  sort: CallSortColumn | null
  align?: 'right'
  /** The cell's text, or `render` for cells with markup. */
  text?: (row: CallRow) => string
  render?: (row: CallRow, ctx: CellContext) => ReactNode
  className?: (row: CallRow, ctx: CellContext) => string
  tip?: (row: CallRow) => string | undefined
}

const MAX_CELL_TEXT = 240

export const COLUMNS: Record<CallColumn, ColumnDef> = {
  createdAt: { title: 'Time', width: 138, sort: 'createdAt', text: (r) => shortDateTime(r.createdAt), tip: (r) => dateTime(r.createdAt) },
  id: { title: 'Call ID', width: 212, sort: 'id', text: (r) => r.id, className: () => 'mono' },
  agent: { title: 'Agent', width: 160, sort: 'agent', text: (r) => r.agentName ?? r.agentId ?? '—', tip: (r) => r.agentName ?? r.agentId ?? undefined },
  type: { title: 'Type', width: 92, sort: 'type', text: (r) => label(r.type) },
  from: { title: 'From', width: 130, sort: 'from', text: (r) => r.from || '—', className: () => 'mono' },
  to: { title: 'To', width: 130, sort: 'to', text: (r) => r.to || '—', className: () => 'mono' },
  duration: { title: 'Duration', width: 84, sort: 'duration', align: 'right', text: (r) => duration(r.durationS) },
  status: {
    title: 'Status', width: 136, sort: 'status',
    render: (r) => (
      <>
        <span className={`chip chip-${r.status}`}>{label(r.status)}</span>
        {r.isTest ? <span className="chip chip-test" title="A test call">test</span> : null}
      </>
    ),
  },
  reason: { title: 'Ended because', width: 140, sort: 'reason', text: (r) => label(r.disconnectReason), tip: (r) => r.disconnectReason ?? undefined },
  cost: { title: 'Cost', width: 72, sort: 'cost', align: 'right', text: (r) => credits(r.costCredits) },
  latency: {
    title: 'Avg latency', width: 96, sort: 'latency', align: 'right',
    text: (r) => ms(r.avgLatencyMs),
    className: (r, c) => latencyClass(r.avgLatencyMs, c.warn, c.bad),
  },
  review: {
    title: 'Review', width: 128, sort: null,
    render: (r) => (
      <>
        <span className={`chip review-${r.review.status}`}>{label(r.review.status)}</span>
        {r.review.annotations ? <span className="muted" title={`${r.review.annotations} annotations`}> ✎{r.review.annotations}</span> : null}
      </>
    ),
  },
  score: {
    title: 'Score', width: 72, sort: null, align: 'right',
    text: (r) => (r.review.score === null ? '' : `${Math.round(r.review.score)}${r.review.autoFailed ? ' ✗' : ''}`),
    className: (r) => (r.review.autoFailed ? 'lat-bad' : ''),
    tip: (r) => (r.review.autoFailed ? 'Auto-failed' : undefined),
  },
  tags: { title: 'Tags', width: 150, sort: null, text: (r) => r.review.tags.join(', '), tip: (r) => r.review.tags.join(', ') || undefined },
  summary: {
    title: 'Summary', width: 380, sort: null,
    render: (r) => (r.snippet ? <Snippet text={r.snippet} /> : (r.summary?.slice(0, MAX_CELL_TEXT) ?? '')),
    tip: (r) => (r.snippet ? undefined : (r.summary ?? undefined)),
  },
}
