// Downloads a recording to a file: streamed to <file>.part and renamed only when complete, so a
// dropped connection never leaves a truncated file under the real name; the part file is removed
// on any failure. A connection that drops mid-body is resumed with a Range request when the server
// accepts ranges (else restarted), a few times. The caller decides which headers to send: the
// client passes the bearer key only for URLs under the API base, never to a CDN or presigned link.
// A link that no longer works is FORBIDDEN (400/401/403/410: expired or refused) or NOT_FOUND
// (404): either way the caller should ask for a fresh link (isStaleLinkError).
import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { AppError } from '@shared/errors'
import { logger, redact } from '../log'
import { formatMs, networkReason } from './failures'
import { cancelled, type Sleep } from './sleep'

const log = logger('atoms')

export interface DownloadOptions {
  signal?: AbortSignal
  onProgress?: (bytes: number, total: number | null) => void
}

export interface DownloadConfig {
  fetch: typeof fetch
  headers: Record<string, string>
  /** Until the response headers arrive. */
  connectTimeoutMs: number
  /** Longest pause between two chunks of the body; a big file on a slow link is fine. */
  idleTimeoutMs: number
  sleep: Sleep
  /** Transient failures (drops, timeouts) retried after the first attempt. */
  maxRetries?: number
}

export const LINK_EXPIRED_MESSAGE = 'The recording link has expired or was refused'

/** True for the errors of downloadRecording that a fresh link from getRecordingDownloadUrl can fix. */
export function isStaleLinkError(err: unknown): boolean {
  return err instanceof AppError && (err.code === 'FORBIDDEN' || err.code === 'NOT_FOUND')
}

/** A failure worth another attempt (connection dropped, no data in time). */
class Transient extends Error {}

function statusError(status: number, host: string): AppError {
  if ([400, 401, 403, 410].includes(status)) return new AppError('FORBIDDEN', `${LINK_EXPIRED_MESSAGE} (HTTP ${status} from ${host}).`)
  if (status === 404) return new AppError('NOT_FOUND', `There is no recording at its link (HTTP 404 from ${host}).`)
  if (status === 429) return new AppError('RATE_LIMITED', `${host} is rate limiting recording downloads (HTTP 429).`)
  return new AppError('INTERNAL', `The recording download from ${host} failed (HTTP ${status}).`, { retryable: true })
}

interface Progress {
  bytes: number
  total: number | null
  contentType: string | null
  validator: string | null
  ranges: boolean
}

/** One request: from byte 0, or resuming at `p.bytes`. Appends to `part`; throws Transient on a drop. */
async function attempt(cfg: DownloadConfig, url: URL, part: string, p: Progress, opts: DownloadOptions): Promise<void> {
  const resume = p.bytes > 0 && p.ranges
  const headers = { ...cfg.headers, ...(resume ? { range: `bytes=${p.bytes}-`, ...(p.validator ? { 'if-range': p.validator } : {}) } : {}) }
  const stall = new AbortController()
  let timer = setTimeout(() => stall.abort(), cfg.connectTimeoutMs)
  const signal = AbortSignal.any([stall.signal, ...(opts.signal ? [opts.signal] : [])])
  // pipeline() hands one stream's error to all of them: the first stream to fail is the culprit.
  let firstFailure: 'body' | 'file' | null = null
  try {
    let res: Response
    try {
      res = await cfg.fetch(url, { headers, signal })
    } catch (e) {
      throw new Transient(stall.signal.aborted ? `no response within ${formatMs(cfg.connectTimeoutMs)}` : networkReason(e))
    }
    if (res.status !== 200 && res.status !== 206) throw statusError(res.status, url.host)
    if (!res.body) throw new Transient('empty response')
    const appending = resume && res.status === 206
    if (appending && Number(/bytes\s+(\d+)-/.exec(res.headers.get('content-range') ?? '')?.[1]) !== p.bytes) {
      p.ranges = false // a range other than the one asked for: do not trust ranges any more
      throw new Transient('the server resumed at the wrong byte')
    }
    if (!appending) {
      // First answer, or the server ignored the Range (the file changed, or no ranges): start over.
      const h = res.headers
      const whole = res.status === 206 ? /\/(\d+)\s*$/.exec(h.get('content-range') ?? '')?.[1] : h.get('content-length')
      Object.assign(p, { bytes: 0, total: Number(whole) || null, contentType: h.get('content-type'), validator: h.get('etag') ?? h.get('last-modified') })
      p.ranges = h.get('accept-ranges') === 'bytes'
    }
    const rearm = () => {
      clearTimeout(timer)
      timer = setTimeout(() => stall.abort(), cfg.idleTimeoutMs)
    }
    rearm()
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        rearm()
        p.bytes += chunk.length
        opts.onProgress?.(p.bytes, p.total)
        done(null, chunk)
      },
    })
    const body = Readable.fromWeb(res.body as WebReadableStream).on('error', () => (firstFailure ??= 'body'))
    const file = createWriteStream(part, { flags: appending ? 'a' : 'w' }).on('error', () => (firstFailure ??= 'file'))
    try {
      await pipeline(body, count, file)
    } catch (e) {
      if (firstFailure === 'file') throw e
      throw new Transient(stall.signal.aborted ? `no data for ${formatMs(cfg.idleTimeoutMs)}` : networkReason(e))
    }
    if (p.total !== null && p.bytes < p.total) throw new Transient(`the connection closed after ${p.bytes} of ${p.total} bytes`)
  } finally {
    clearTimeout(timer)
  }
}

export async function downloadToFile(cfg: DownloadConfig, url: string, destFile: string, opts: DownloadOptions = {}): Promise<{ bytes: number; contentType: string | null }> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AppError('INVALID_INPUT', 'The recording link is not a valid URL.')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new AppError('INVALID_INPUT', 'The recording link is not an http(s) URL.')
  const part = `${destFile}.part`
  const p: Progress = { bytes: 0, total: null, contentType: null, validator: null, ranges: false }
  const retries = cfg.maxRetries ?? 2
  try {
    for (let n = 0; ; n++) {
      try {
        await attempt(cfg, parsed, part, p, opts)
        break
      } catch (e) {
        if (opts.signal?.aborted) throw cancelled()
        if (!(e instanceof Transient)) throw e
        if (n >= retries) throw new AppError('OFFLINE', redact(`The recording download from ${parsed.host} was interrupted: ${e.message}.`))
        log.info(`recording download from ${parsed.host} interrupted (${e.message}); ${p.ranges && p.bytes > 0 ? `resuming at byte ${p.bytes}` : 'starting again'}`)
        if (!p.ranges) p.bytes = 0
        await cfg.sleep(250 * (n + 1), opts.signal)
      }
    }
    renameSync(part, destFile)
    return { bytes: p.bytes, contentType: p.contentType }
  } catch (e) {
    rmSync(part, { force: true })
    if (e instanceof AppError) throw e
    const code = (e as { code?: unknown }).code
    throw new AppError('INTERNAL', `Cannot write the recording to disk${typeof code === 'string' ? ` (${code})` : ''}.`, { cause: e })
  }
}
