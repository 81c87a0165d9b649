// Earmark's words → the Atoms wire: the base URL a user typed in Settings, and ListCallsParams
// → the query of GET /conversation (atoms-api.md §4.1). Lists travel as one comma-joined string;
// `limit` is always sent because the server's default (5) differs from the SDK's (10).
import type { ListCallsParams } from '@shared/domain'
import { AppError } from '@shared/errors'

export const DEFAULT_BASE_URL = 'https://api.smallest.ai/atoms/v1'
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 500

/** A usable base URL without trailing slashes; INVALID_INPUT when it is not plain http(s). */
export function parseBaseUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new AppError('INVALID_INPUT', `The Atoms base URL "${raw}" is not a URL.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('INVALID_INPUT', `The Atoms base URL must start with https:// (got ${url.protocol}).`)
  // A query, fragment or user:password would end up in (or leak from) every request URL.
  if (url.search || url.hash) throw new AppError('INVALID_INPUT', 'The Atoms base URL must not contain "?" or "#".')
  if (url.username || url.password) throw new AppError('INVALID_INPUT', 'The Atoms base URL must not contain a user name or password.')
  return url.toString().replace(/\/+$/, '')
}

const csv = (values: readonly string[] | undefined) => {
  const kept = (values ?? []).map((v) => v.trim()).filter((v) => v !== '')
  return kept.length ? [...new Set(kept)].join(',') : undefined
}
const whole = (n: number | undefined, fallback: number) => (n === undefined || !Number.isFinite(n) ? fallback : Math.floor(n))

export function listQuery(p: ListCallsParams): Record<string, string | number | undefined> & { page: number; limit: number } {
  return {
    page: Math.max(1, whole(p.page, 1)),
    limit: Math.min(MAX_LIMIT, Math.max(1, whole(p.limit, DEFAULT_LIMIT))),
    agentIds: csv(p.agentIds),
    campaignIds: csv(p.campaignIds),
    callTypes: csv(p.callTypes),
    search: p.search?.trim() || undefined,
    statusFilter: csv(p.statuses),
    disconnectReasonFilter: csv(p.disconnectReasons),
    callAttemptFilter: csv(p.callAttempts),
    durationFilter: csv(p.durations),
    versionFilter: csv(p.versionIds),
    sortBy: p.sortBy,
    sortOrder: p.sortOrder,
    dateFrom: p.dateFrom,
    dateTo: p.dateTo,
  }
}
