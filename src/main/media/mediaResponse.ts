// Answers the renderer's requests for a call's media: `call/<callId>/<dual|mono>` streams the
// recording with byte ranges (the audio element seeks by Range), `call/<callId>/<kind>.peaks`
// sends the cached waveform peaks. Only files inside the recordings folder are served, whatever
// the database says, and symlinks are resolved before that check.
import { createReadStream, realpathSync, statSync } from 'node:fs'
import { sep } from 'node:path'
import { Readable } from 'node:stream'
import { CALL_ID_PATTERN } from './callId'
import type { MediaService } from './media.service'

const ROUTE = /^\/?call\/([^/]+)\/(dual|mono)(\.peaks)?$/
const TYPES: Record<string, string> = { wav: 'audio/wav', mp3: 'audio/mpeg' }

export interface MediaRequest {
  /** The path after the scheme's host or the harness's prefix: call/<id>/<what>. */
  path: string
  method: string
  range: string | null
}

const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } })

/**
 * The one byte range asked for; null for the whole file (no range, several, another unit, or an
 * invalid one, which RFC 9110 says to ignore); 'bad' when it cannot be satisfied (416).
 */
export function byteRange(header: string | null, size: number): { start: number; end: number } | null | 'bad' {
  if (!header) return null
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (!m[1] && !m[2])) return null
  if (!m[1]) {
    const n = Number(m[2])
    return n === 0 || size === 0 ? 'bad' : { start: Math.max(0, size - n), end: size - 1 }
  }
  const start = Number(m[1])
  if (m[2] && Number(m[2]) < start) return null
  return start >= size ? 'bad' : { start, end: m[2] ? Math.min(Number(m[2]), size - 1) : size - 1 }
}

/** The recordings folder's real path, resolved once (it is asked for on every byte range). */
const realRoots = new Map<string, string>()

/** The file's real path when it is inside root (symlinks resolved), else null. */
function realInside(root: string, file: string): string | null {
  try {
    let realRoot = realRoots.get(root)
    if (realRoot === undefined) realRoots.set(root, (realRoot = realpathSync(root)))
    const real = realpathSync(file)
    return real.startsWith(realRoot + sep) ? real : null
  } catch {
    return null
  }
}

export function mediaResponse(media: MediaService, recordingsDir: string, req: MediaRequest, extraHeaders: Record<string, string> = {}): Response {
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'Only GET and HEAD', { allow: 'GET, HEAD', ...extraHeaders })
  let path: string
  try {
    path = decodeURIComponent(req.path)
  } catch {
    return text(400, 'Bad path', extraHeaders)
  }
  const m = ROUTE.exec(path)
  if (!m || !CALL_ID_PATTERN.test(m[1]!)) return text(404, 'Not found', extraHeaders)
  const [callId, kind, peaks] = [m[1]!, m[2] as 'dual' | 'mono', Boolean(m[3])]
  if (peaks) {
    const bytes = media.peaks(callId, kind)
    if (!bytes) return text(404, 'No peaks for this recording yet', extraHeaders)
    return new Response(req.method === 'HEAD' ? null : Buffer.from(bytes), {
      headers: { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength), 'cache-control': 'no-cache', ...extraHeaders },
    })
  }
  const local = media.local(callId, kind)
  // The resolved path is what gets served: a link swapped after the check cannot redirect it.
  const file = local && realInside(recordingsDir, local.file)
  const size = file ? statSync(file, { throwIfNoEntry: false })?.size : undefined
  if (!local || !file || size === undefined) return text(404, 'This recording is not downloaded', extraHeaders)
  const range = byteRange(req.range, size)
  const headers: Record<string, string> = { 'content-type': TYPES[local.format] ?? 'application/octet-stream', 'accept-ranges': 'bytes', 'cache-control': 'no-cache', ...extraHeaders }
  if (range === 'bad') return text(416, 'Range not satisfiable', { ...headers, 'content-range': `bytes */${size}` })
  const { start, end } = range ?? { start: 0, end: size - 1 }
  headers['content-length'] = String(end - start + 1)
  if (range) headers['content-range'] = `bytes ${start}-${end}/${size}`
  const body = req.method === 'HEAD' || size === 0 ? null : (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>)
  return new Response(body, { status: range ? 206 : 200, headers })
}
