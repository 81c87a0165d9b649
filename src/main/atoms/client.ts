// The Atoms REST client: typed calls for the call-log endpoints, mapped to Earmark's domain.
// Transport concerns (limiter, retries, timeouts, errors) live in http.ts; shapes in wire.ts
// and map.ts. The sync engine, the CLI and the app use this one class.
import { AppError } from '@shared/errors'
import type { CallDetail, CallListPage, CallSearchResult, ListCallsParams } from '@shared/domain'
import { addSecret } from '../log'
import { downloadToFile, type DownloadOptions } from './download'
import { request, type HttpConfig } from './http'
import { parseDetail, parseItems } from './map'
import { RateLimiter } from './rateLimiter'
import { downloadUrlWire, listDataWire, searchDataWire } from './wire'

export const DEFAULT_BASE_URL = 'https://api.smallest.ai/atoms/v1'
export const MAX_LIMIT = 500
export const SEARCH_BATCH = 100

export interface AtomsClientOptions {
  apiKey: string | (() => string | null)
  baseUrl?: string
  requestsPerSecond?: number
  timeoutMs?: number
  maxRetries?: number
  baseDelayMs?: number
  maxDelayMs?: number
  maxRetryAfterMs?: number
  fetch?: typeof fetch
  random?: () => number
  onRetry?: HttpConfig['onRetry']
}

export function parseBaseUrl(raw: string): string {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new AppError('INVALID_INPUT', `The base URL "${raw}" is not a URL.`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('INVALID_INPUT', `The base URL must start with https:// (got ${url.protocol}).`)
  return url.toString().replace(/\/+$/, '')
}

const csv = (values: readonly string[] | undefined) => (values?.length ? values.join(',') : undefined)

export function listQuery(p: ListCallsParams): Record<string, string | number | undefined> {
  return {
    page: Math.max(1, Math.floor(p.page ?? 1)),
    limit: Math.min(MAX_LIMIT, Math.max(1, Math.floor(p.limit ?? 100))),
    agentIds: csv(p.agentIds),
    campaignIds: csv(p.campaignIds),
    callTypes: csv(p.callTypes),
    search: p.search,
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

export class AtomsClient {
  private readonly http: HttpConfig
  readonly baseUrl: string

  constructor(opts: AtomsClientOptions) {
    const key = opts.apiKey
    const apiKey = typeof key === 'function' ? key : () => key
    const initial = apiKey()
    if (initial) addSecret(initial)
    this.baseUrl = parseBaseUrl(opts.baseUrl ?? DEFAULT_BASE_URL)
    this.http = {
      baseUrl: this.baseUrl,
      apiKey,
      limiter: new RateLimiter(opts.requestsPerSecond ?? 8),
      timeoutMs: opts.timeoutMs ?? 30_000,
      maxRetries: opts.maxRetries ?? 5,
      baseDelayMs: opts.baseDelayMs ?? 500,
      maxDelayMs: opts.maxDelayMs ?? 30_000,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 120_000,
      fetch: opts.fetch ?? fetch,
      random: opts.random ?? Math.random,
      onRetry: opts.onRetry,
    }
  }

  currentRate(): number {
    return this.http.limiter.currentRate()
  }

  async listCalls(params: ListCallsParams, signal?: AbortSignal): Promise<CallListPage> {
    const data = listDataWire.safeParse(await request(this.http, 'GET', '/conversation', { query: listQuery(params), signal }))
    if (!data.success) throw new AppError('INTERNAL', 'The Atoms API sent a call list Earmark cannot read (no "logs" array).', { retryable: true })
    const items = parseItems(data.data.logs)
    const p = data.data.pagination
    const limit = p?.limit ?? Math.min(MAX_LIMIT, params.limit ?? 100)
    const total = p?.total ?? items.calls.length
    const page = p?.page ?? params.page ?? 1
    const totalPages = p?.totalPages ?? Math.ceil(total / Math.max(1, limit))
    return { ...items, total, page, limit, totalPages, hasMore: p?.hasMore ?? page < totalPages }
  }

  async getCall(callId: string, signal?: AbortSignal): Promise<{ call: CallDetail; raw: Record<string, unknown> }> {
    const data = await request(this.http, 'GET', `/conversation/${encodeURIComponent(callId)}`, { signal, what: `Call ${callId}` })
    return { call: parseDetail(callId, data), raw: (data ?? {}) as Record<string, unknown> }
  }

  /** Batch fetch by id: more than 100 ids become several requests; results keep request order. */
  async searchCalls(callIds: string[], signal?: AbortSignal): Promise<CallSearchResult> {
    const ids = [...new Set(callIds)]
    const result: CallSearchResult = { calls: [], raw: [], requested: ids.length, missing: [], issues: [] }
    for (let i = 0; i < ids.length; i += SEARCH_BATCH) {
      const batch = ids.slice(i, i + SEARCH_BATCH)
      const data = searchDataWire.safeParse(await request(this.http, 'POST', '/conversation/search', { body: { callIds: batch }, signal }))
      if (!data.success) throw new AppError('INTERNAL', 'The Atoms API sent a search result Earmark cannot read.', { retryable: true })
      const items = parseItems(data.data.logs)
      const order = new Map(batch.map((id, n) => [id, n]))
      const byOrder = items.calls.map((c, n) => ({ c, raw: items.raw[n]! })).sort((a, b) => (order.get(a.c.id) ?? 1e9) - (order.get(b.c.id) ?? 1e9))
      result.calls.push(...byOrder.map((x) => x.c))
      result.raw.push(...byOrder.map((x) => x.raw))
      result.issues.push(...items.issues)
      const found = new Set(items.calls.map((c) => c.id))
      result.missing.push(...batch.filter((id) => !found.has(id) && !items.issues.some((iss) => iss.callId === id)))
    }
    return result
  }

  /** A fresh, short-lived link to the call's recording (do not cache it). */
  async getRecordingDownloadUrl(callId: string, signal?: AbortSignal): Promise<string> {
    const data = await request(this.http, 'GET', `/conversation/${encodeURIComponent(callId)}/recording/download-url`, { signal, what: `The recording of call ${callId}` })
    const parsed = downloadUrlWire.safeParse(data)
    if (!parsed.success) throw new AppError('INTERNAL', `The Atoms API sent no usable recording link for call ${callId}.`)
    return parsed.data.presignedUrl
  }

  downloadRecording(url: string, destFile: string, opts?: DownloadOptions): Promise<{ bytes: number; contentType: string | null }> {
    const sameHost = (() => {
      try {
        return new URL(url).host === new URL(this.baseUrl).host
      } catch {
        return false
      }
    })()
    const key = this.http.apiKey()
    const headers: Record<string, string> = sameHost && key ? { authorization: `Bearer ${key}` } : {}
    return downloadToFile(this.http.fetch, url, destFile, headers, opts)
  }

  /** A cheap authenticated request: throws UNAUTHORIZED with a clear message when the key is wrong. */
  async checkKey(signal?: AbortSignal): Promise<void> {
    await request(this.http, 'GET', '/conversation', { query: { page: 1, limit: 1 }, signal })
  }
}
