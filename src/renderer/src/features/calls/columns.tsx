// The call list's columns: header, default width, the sort key they map to, and the cell.
import type { ReactNode } from 'react'
import type { CallRow, CallSortColumn } from '@shared/query'
import type { CallColumn } from '@shared/settings'
import { credits, dateTime, duration, label, latencyClass, ms, shortDateTime } from '../../lib/format'
import { Snippet } from './Snippet'

export interface ColumnDef {
  title: string
  width: number
  sort: CallSortColumn | null
  align?: 'right'
  cell: (row: CallRow, ctx: { warn: number; bad: number }) => ReactNode
}

export const COLUMNS: Record<CallColumn, ColumnDef> = {
  createdAt: { title: 'Time', width: 140, sort: 'createdAt', cell: (r) => <span title={dateTime(r.createdAt)}>{shortDateTime(r.createdAt)}</span> },
  id: { title: 'Call ID', width: 215, sort: 'id', cell: (r) => <span className="mono">{r.id}</span> },
  agent: { title: 'Agent', width: 170, sort: 'agent', cell: (r) => r.agentName ?? r.agentId ?? '—' },
  type: { title: 'Type', width: 90, sort: 'type', cell: (r) => label(r.type) },
  from: { title: 'From', width: 130, sort: 'from', cell: (r) => <span className="mono">{r.from || '—'}</span> },
  to: { title: 'To', width: 130, sort: 'to', cell: (r) => <span className="mono">{r.to || '—'}</span> },
  duration: { title: 'Duration', width: 92, sort: 'duration', align: 'right', cell: (r) => duration(r.durationS) },
  status: { title: 'Status', width: 110, sort: 'status', cell: (r) => <span className={`chip chip-${r.status}`}>{label(r.status)}</span> },
  reason: { title: 'Ended because', width: 140, sort: 'reason', cell: (r) => label(r.disconnectReason) },
  cost: { title: 'Cost', width: 70, sort: 'cost', align: 'right', cell: (r) => credits(r.costCredits) },
  latency: {
    title: 'Avg latency',
    width: 95,
    sort: 'latency',
    align: 'right',
    cell: (r, c) => <span className={latencyClass(r.avgLatencyMs, c.warn, c.bad)}>{ms(r.avgLatencyMs)}</span>,
  },
  summary: { title: 'Summary', width: 360, sort: null, cell: (r) => (r.snippet ? <Snippet text={r.snippet} /> : (r.summary ?? '')) },
}
