// Downloads a recording to a file: streamed to <file>.part and renamed only when complete, so a
// dropped connection never leaves a truncated file under the real name. The bearer key is sent
// only to the API's own host, never to a CDN or a presigned storage URL. An expired or refused
// link is FORBIDDEN (403) or NOT_FOUND (404): the caller then asks for a fresh one.
import { createWriteStream, renameSync, rmSync } from 'node:fs'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { AppError } from '@shared/errors'
import { cancelled } from './sleep'

export interface DownloadOptions {
  signal?: AbortSignal
  onProgress?: (bytes: number, total: number | null) => void
}

export async function downloadToFile(
  fetchFn: typeof fetch,
  url: string,
  destFile: string,
  headers: Record<string, string>,
  opts: DownloadOptions = {},
): Promise<{ bytes: number; contentType: string | null }> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new AppError('INVALID_INPUT', 'The recording link is not a valid URL.')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new AppError('INVALID_INPUT', 'The recording link is not an http(s) URL.')
  const part = `${destFile}.part`
  let res: Response
  try {
    res = await fetchFn(url, { headers, signal: opts.signal })
  } catch (err) {
    if (opts.signal?.aborted) throw cancelled()
    throw new AppError('OFFLINE', `Cannot download the recording from ${parsed.host}: ${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message}.`)
  }
  if (res.status === 403 || res.status === 401) throw new AppError('FORBIDDEN', 'The recording link has expired or was refused.')
  if (res.status === 404) throw new AppError('NOT_FOUND', 'The recording is not at its link (yet).')
  if (!res.ok || !res.body) throw new AppError('INTERNAL', `The recording download failed (HTTP ${res.status}).`, { retryable: true })
  const total = Number(res.headers.get('content-length')) || null
  let bytes = 0
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length
      opts.onProgress?.(bytes, total)
      done(null, chunk)
    },
  })
  try {
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), count, createWriteStream(part), { signal: opts.signal })
    if (total !== null && bytes !== total) throw new Error(`got ${bytes} of ${total} bytes`)
    renameSync(part, destFile)
    return { bytes, contentType: res.headers.get('content-type') }
  } catch (err) {
    rmSync(part, { force: true })
    if (opts.signal?.aborted) throw cancelled()
    throw new AppError('OFFLINE', `The recording download was interrupted: ${(err as Error).message}.`)
  }
}
