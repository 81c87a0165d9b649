// The Atoms REST client: typed calls for the call-log endpoints (atoms-api.md E1–E4), mapped to
// Earmark's domain. The sync engine, the recordings service, the CLI and Settings' key check use
// this one class. Transport (limiter, retries, timeouts, error codes) lives in http.ts and
// failures.ts; shapes in wire.ts and map.ts; query mapping in params.ts; files in download.ts.
// No electron here: the CLI and the benchmark run it in plain Node.
import { AppError } from '@shared/errors'
import type { CallDetail, CallListPage, CallSearchResult, ListCallsParams } from '@shared/domain'
import { addSecret } from '../log'
import { downloadToFile, type DownloadOptions } from './download'
import { currentKey, request, USER_AGENT, type HttpConfig, type RetryListener } from './http'
import { parseDetail, parseItems, type ParsedItems } from './map'
import { listQuery, parseBaseUrl, DEFAULT_BASE_URL } from './params'
import { RateLimiter } from './rateLimiter'
import { abortableSleep, untilAborted, type Sleep } from './sleep'
import { downloadUrlWire, listDataWire, searchDataWire } from './wire'

/** POST /conversation/search takes at most 100 ids (atoms-api.md §5.1). */
export const SEARCH_BATCH = 100

export interface AtomsClientOptions {
  /** A function so a key changed in Settings applies to the next request. */
  apiKey: string | (() => string | null)
  /** Default https://api.smallest.ai/atoms/v1; http(s) only, a trailing slash is fine. */
  baseUrl?: string
  /** Client-side limit shared by all requests of this client (default 8). */
  requestsPerSecond?: number
  /** Whole attempt, headers and body (default 30 s). */
  timeoutMs?: number
  /** Until the response headers arrive, standing in for a connect timeout (default 10 s). */
  connectTimeoutMs?: number
  /** Retries after the first attempt (default 5). */
  maxRetries?: number
  /** First backoff ceiling (default 500 ms), doubled per retry up to maxDelayMs (default 30 s). */
  baseDelayMs?: number
  maxDelayMs?: number
  /** A longer Retry-After fails with RATE_LIMITED instead of waiting (default 120 s). */
  maxRetryAfterMs?: number
  fetch?: typeof fetch
  /** Jitter source, injectable for tests. */
  random?: () => number
  /** Every wait (backoff, Retry-After, limiter) goes through this; injectable for tests. */
  sleep?: Sleep
  onRetry?: RetryListener
}

export class AtomsClient {
  readonly baseUrl: string
  private readonly http: HttpConfig

  constructor(opts: AtomsClientOptions) {
    const key = opts.apiKey
    const apiKey = typeof key === 'function' ? key : () => key
    const initial = apiKey()
    if (initial) addSecret(initial.trim())
    this.baseUrl = parseBaseUrl(opts.baseUrl ?? DEFAULT_BASE_URL)
    // Whatever sleep is given (tests inject their own), a cancel ends the wait at once: wrapped here
    // once rather than at every wait (the rate limiter wraps its own waits).
    const given = opts.sleep ?? abortableSleep
    const sleep: Sleep = (ms, signal) => untilAborted(given(ms, signal), signal)
    this.http = {
      baseUrl: this.baseUrl,
      apiKey,
      limiter: new RateLimiter(opts.requestsPerSecond ?? 8, { sleep: given }),
      timeoutMs: opts.timeoutMs ?? 30_000,
      connectTimeoutMs: opts.connectTimeoutMs ?? 10_000,
      maxRetries: Math.max(0, opts.maxRetries ?? 5),
      baseDelayMs: opts.baseDelayMs ?? 500,
      maxDelayMs: opts.maxDelayMs ?? 30_000,
      maxRetryAfterMs: opts.maxRetryAfterMs ?? 120_000,
      fetch: opts.fetch ?? fetch,
      random: opts.random ?? Math.random,
      sleep,
      onRetry: opts.onRetry,
    }
  }

  /** Requests per second the limiter allows now (halved after a 429, recovering on success). */
  currentRate(): number {
    return this.http.limiter.currentRate()
  }

  /** One page of GET /conversation. Unreadable items are left out and listed in `issues`. */
  async listCalls(params: ListCallsParams, signal?: AbortSignal): Promise<CallListPage> {
    const query = listQuery(params)
    const data = listDataWire.safeParse(await request(this.http, 'GET', '/conversation', { query, signal }))
    if (!data.success) throw new AppError('INTERNAL', 'The Atoms API sent a call list Earmark cannot read (no "logs" array).', { retryable: true })
    const items = parseItems(data.data.logs)
    const p = data.data.pagination
    const limit = p?.limit ?? query.limit
    const page = p?.page ?? query.page
    // Without pagination (old or odd payloads) a full page means "maybe more": the caller stops at a short one.
    const counted = data.data.logs.length
    const total = p?.total ?? (page - 1) * limit + counted
    const totalPages = p?.totalPages ?? Math.ceil(total / Math.max(1, limit))
    const hasMore = p?.hasMore ?? (p?.total != null ? page < totalPages : counted >= limit)
    return { ...items, total, page, limit, totalPages, hasMore }
  }

  /** The full call (transcript, events, analytics) and the raw `data` object it was read from. */
  async getCall(callId: string, signal?: AbortSignal): Promise<{ call: CallDetail; raw: Record<string, unknown> }> {
    const id = requireId(callId)
    const data = await request(this.http, 'GET', `/conversation/${encodeURIComponent(id)}`, { signal, what: `Call ${id}` })
    const call = parseDetail(id, data)
    return { call, raw: data as Record<string, unknown> }
  }

  /**
   * Batch fetch by id (retry calls included). Duplicates are asked once; more than 100 ids become
   * several requests; calls come back in the order asked. Ids the platform did not return are in
   * `missing` (unknown, or another organisation's).
   */
  async searchCalls(callIds: string[], signal?: AbortSignal): Promise<CallSearchResult> {
    const ids = [...new Set(callIds.filter((id) => typeof id === 'string' && id.trim() !== ''))]
    const result: CallSearchResult = { calls: [], raw: [], requested: ids.length, missing: [], issues: [] }
    for (let i = 0; i < ids.length; i += SEARCH_BATCH) {
      const batch = ids.slice(i, i + SEARCH_BATCH)
      const data = searchDataWire.safeParse(await request(this.http, 'POST', '/conversation/search', { body: { callIds: batch }, signal }))
      if (!data.success) throw new AppError('INTERNAL', 'The Atoms API sent a search result Earmark cannot read (no "logs" array).', { retryable: true })
      const items = inRequestOrder(parseItems(data.data.logs), batch)
      result.calls.push(...items.calls)
      result.raw.push(...items.raw)
      result.issues.push(...items.issues)
      const seen = new Set([...items.calls.map((c) => c.id), ...items.issues.map((x) => x.callId)])
      result.missing.push(...batch.filter((id) => !seen.has(id)))
    }
    return result
  }

  /** A fresh, short-lived (minutes) link to the call's recording: ask again rather than cache it. */
  async getRecordingDownloadUrl(callId: string, signal?: AbortSignal): Promise<string> {
    const id = requireId(callId)
    const data = await request(this.http, 'GET', `/conversation/${encodeURIComponent(id)}/recording/download-url`, { signal, what: `The recording of call ${id}` })
    const parsed = downloadUrlWire.safeParse(data)
    if (!parsed.success) throw new AppError('INTERNAL', `The Atoms API sent no usable recording link for call ${id}.`, { retryable: true })
    return parsed.data.presignedUrl
  }

  /**
   * Streams a recording to `destFile` (via `destFile.part`). The bearer key goes only to URLs under
   * the API base; presigned and CDN links carry their own authorisation. A link that stopped
   * working throws FORBIDDEN or NOT_FOUND (see isStaleLinkError): ask for a fresh one.
   */
  async downloadRecording(url: string, destFile: string, opts?: DownloadOptions): Promise<{ bytes: number; contentType: string | null }> {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, 'x-source': 'earmark' }
    if (this.isApiUrl(url)) headers.authorization = `Bearer ${currentKey(this.http.apiKey)}`
    const cfg = { fetch: this.http.fetch, headers, connectTimeoutMs: this.http.connectTimeoutMs, idleTimeoutMs: this.http.timeoutMs, sleep: this.http.sleep }
    return downloadToFile(cfg, url, destFile, opts)
  }

  /** A cheap authenticated request; UNAUTHORIZED ("Check the key in Settings") when the key is refused. */
  async checkKey(signal?: AbortSignal): Promise<void> {
    await request(this.http, 'GET', '/conversation', { query: { page: 1, limit: 1 }, signal })
  }

  private isApiUrl(url: string): boolean {
    try {
      const u = new URL(url)
      const base = new URL(this.baseUrl)
      return u.origin === base.origin && (u.pathname === base.pathname || u.pathname.startsWith(base.pathname.replace(/\/?$/, '/')))
    } catch {
      return false
    }
  }
}

function requireId(callId: string): string {
  if (typeof callId !== 'string' || callId.trim() === '') throw new AppError('INVALID_INPUT', 'A call id is needed.')
  return callId.trim()
}

/** The search endpoint does not promise an order; put calls back in the order they were asked. */
function inRequestOrder(items: ParsedItems, asked: string[]): ParsedItems {
  const rank = new Map(asked.map((id, n) => [id, n]))
  const order = items.calls.map((_, n) => n).sort((a, b) => (rank.get(items.calls[a]!.id) ?? asked.length) - (rank.get(items.calls[b]!.id) ?? asked.length) || a - b)
  return { calls: order.map((n) => items.calls[n]!), raw: order.map((n) => items.raw[n]!), issues: items.issues }
}
