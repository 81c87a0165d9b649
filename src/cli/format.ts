// Plain-text rendering of calls for the terminal.
import type { CallDetail, CallSummary } from '@shared/domain'
import { HIGHLIGHT_END, HIGHLIGHT_START, type CallRow } from '@shared/query'
import type { SyncProgress } from '@shared/sync'

export function duration(s: number): string {
  const m = Math.floor(s / 60)
  return `${m}:${String(Math.round(s % 60)).padStart(2, '0')}`
}

const pad = (text: string, width: number) => (text.length > width ? text.slice(0, width - 1) + '…' : text.padEnd(width))

export function callTable(rows: CallRow[], total: number): string {
  const head = `${pad('created', 20)} ${pad('call id', 32)} ${pad('status', 12)} ${pad('type', 19)} ${pad('dur', 6)} ${pad('agent', 18)} ${pad('from', 14)} to`
  const lines = rows.map(
    (r) =>
      `${pad(r.createdAt.slice(0, 19).replace('T', ' '), 20)} ${pad(r.id, 32)} ${pad(r.status, 12)} ${pad(r.type, 19)} ${pad(duration(r.durationS), 6)} ${pad(r.agentName ?? r.agentId ?? '', 18)} ${pad(r.from, 14)} ${r.to}` +
      (r.snippet ? `\n    ${r.snippet.replaceAll(HIGHLIGHT_START, '[').replaceAll(HIGHLIGHT_END, ']').replace(/\s+/g, ' ')}` : ''),
  )
  return [head, ...lines, `${rows.length} of ${total} calls`].join('\n') + '\n'
}

export function callReport(call: CallSummary | CallDetail): string {
  const facts: [string, unknown][] = [
    ['Call', call.id],
    ['Status', call.status + (call.disconnectReason ? ` (${call.disconnectReason})` : '')],
    ['Type', call.type],
    ['Agent', call.agentName ?? call.agentId],
    ['Campaign', call.campaignId],
    ['From → to', `${call.from || '—'} → ${call.to || '—'}`],
    ['Created', call.createdAt],
    ['Duration', duration(call.durationS)],
    ['Cost', call.costCredits === null ? null : `${call.costCredits} credits`],
    ['Latency', call.latency?.avgMs == null ? null : `${Math.round(call.latency.avgMs)} ms average`],
    ['Summary', call.summary],
  ]
  let out = facts.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => `${k.padEnd(11)} ${String(v)}`).join('\n') + '\n'
  for (const d of call.dispositionResults) out += `${'Metric'.padEnd(11)} ${d.identifier} = ${d.value}${d.confidence === null ? '' : ` (${Math.round(d.confidence * 100)}%)`}\n`
  if ('transcript' in call) {
    out += '\nTranscript\n'
    for (const t of call.transcript) out += `  ${(t.at ?? '').slice(11, 19).padEnd(8)} ${t.role.padEnd(6)} ${t.text}\n`
  } else {
    out += '\nThe transcript has not been synced yet: run `earmark sync`.\n'
  }
  return out
}

export function progressLine(p: SyncProgress): string {
  const width = 24
  const frac = p.total ? Math.min(1, p.done / p.total) : 0
  const bar = p.total ? '#'.repeat(Math.round(frac * width)).padEnd(width, '.') : '~'.repeat(width)
  const count = p.total ? `${p.done}/${p.total}` : `${p.done}`
  const eta = p.etaS === null ? '' : ` ETA ${duration(p.etaS)}`
  return `[${bar}] ${p.phase ?? ''} ${count} ${p.ratePerS.toFixed(0)}/s${eta}  ${p.message}`
}
