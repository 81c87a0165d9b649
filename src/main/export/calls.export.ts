// Exports calls from the cache as CSV (one row per call, for spreadsheets) or JSONL (the full
// mapped call per line, for scripts). Written to a temporary file and renamed when complete,
// so a failed export never leaves a half file under the requested name.
import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { once } from 'node:events'
import type { CallSummary } from '@shared/domain'
import type { CallQuery } from '@shared/query'
import type { CallQueryService } from '../store/callQuery.service'

export type ExportFormat = 'csv' | 'jsonl'

const COLUMNS: [string, (c: CallSummary) => unknown][] = [
  ['call_id', (c) => c.id],
  ['created_at', (c) => c.createdAt],
  ['status', (c) => c.status],
  ['type', (c) => c.type],
  ['agent_id', (c) => c.agentId],
  ['agent_name', (c) => c.agentName],
  ['campaign_id', (c) => c.campaignId],
  ['from', (c) => c.from],
  ['to', (c) => c.to],
  ['duration_s', (c) => c.durationS],
  ['cost_credits', (c) => c.costCredits],
  ['avg_latency_ms', (c) => c.latency?.avgMs],
  ['disconnect_reason', (c) => c.disconnectReason],
  ['has_recording', (c) => Boolean(c.recordingUrl || c.recordingDualUrl)],
  ['is_test', (c) => c.isTest],
  ['retry_attempt', (c) => c.retryAttemptNumber],
  ['summary', (c) => c.summary],
]

/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (/^[=@\t\r]/.test(text) || /^[+-][^\d]/.test(text)) text = `'${text}`
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export async function exportCalls(
  query: CallQueryService,
  q: CallQuery,
  format: ExportFormat,
  outFile: string,
  onProgress?: (rows: number) => void,
): Promise<number> {
  const tmp = `${outFile}.part`
  const out = createWriteStream(tmp, { encoding: 'utf8' })
  let rows = 0
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain')
  }
  try {
    if (format === 'csv') await write(COLUMNS.map(([name]) => name).join(',') + '\n')
    for (const call of query.summaries(q)) {
      await write(format === 'csv' ? COLUMNS.map(([, get]) => csvCell(get(call))).join(',') + '\n' : JSON.stringify(call) + '\n')
      if (++rows % 1000 === 0) onProgress?.(rows)
    }
    out.end()
    await once(out, 'finish')
    renameSync(tmp, outFile)
    return rows
  } catch (err) {
    out.destroy()
    rmSync(tmp, { force: true })
    throw err
  }
}
