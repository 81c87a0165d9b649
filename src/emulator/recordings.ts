// The recording files, served by the emulator itself, in the two forms the platform hands out:
// - stable links in list items: /call-recordings/<callId>/(composite|dual).wav. These need no
//   auth, like the CloudFront URLs the real service puts in recordingUrl (atoms-api.md §4.3): the
//   documentation never mentions a key or an expiry for them, and a player must be able to fetch
//   them directly.
// - presigned links from E4: /s3/call-recordings/<callId>/composite.wav?X-Amz-…, checked like a
//   private S3 object: a missing or wrong signature (any edited parameter) is 403
//   SignatureDoesNotMatch/AccessDenied, and past X-Amz-Date + X-Amz-Expires (emulator time) it is
//   403 "Request has expired", in S3's XML error body.
// Both support HEAD and single byte ranges (206 / 416), and never build a whole file in memory.
import { createHmac, randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Dataset, EmuCall } from './dataset'
import { recordingPath } from './payloads'
import { hash01 } from './random'
import { renderRange, wavSize, type Recording } from './wav'

export interface RecordingContext {
  data: Dataset
  now: () => number
  origin: string
  secret: string
  /** Lifetime of a presigned link, in emulator seconds. */
  urlTtlS: number
}

const STABLE = /^\/call-recordings\/(CALL-\d+-[0-9a-f]+)\/(composite|dual)\.wav$/
const SIGNED = /^\/s3(\/call-recordings\/(CALL-\d+-[0-9a-f]+)\/(composite|dual)\.wav)$/

export const isRecordingPath = (path: string) => STABLE.test(path) || SIGNED.test(path)

const amzDate = (ms: number) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
const fromAmzDate = (s: string) => Date.parse(s.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'))
const sign = (ctx: RecordingContext, path: string, date: string, expires: string) => createHmac('sha256', ctx.secret).update(`${path}\n${date}\n${expires}`).digest('hex')

/** A presigned URL of the call's composite recording, valid for urlTtlS from now. */
export function presignedUrl(ctx: RecordingContext, c: EmuCall): string {
  const path = recordingPath(c.callId, 'composite')
  const date = amzDate(ctx.now())
  const expires = String(ctx.urlTtlS)
  const q = new URLSearchParams({
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `AKIAEMULATOR/${date.slice(0, 8)}/ap-south-1/s3/aws4_request`,
    'X-Amz-Date': date,
    'X-Amz-Expires': expires,
    'X-Amz-SignedHeaders': 'host',
    'X-Amz-Signature': sign(ctx, path, date, expires),
  })
  return `${ctx.origin}/s3${path}?${q}`
}

function s3Error(res: ServerResponse, status: number, code: string, message: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>${randomUUID()}</RequestId></Error>`
  res.writeHead(status, { 'content-type': 'application/xml' }).end(body)
}

/** Why a presigned URL is refused, or null when it is good now. */
function refusal(ctx: RecordingContext, path: string, q: URLSearchParams): [code: string, message: string] | null {
  const [date, expires, signature] = ['X-Amz-Date', 'X-Amz-Expires', 'X-Amz-Signature'].map((k) => q.get(k))
  if (!date || !expires || !signature) return ['AccessDenied', 'Access Denied']
  if (signature !== sign(ctx, path, date, expires)) return ['SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.']
  if (ctx.now() > fromAmzDate(date) + Number(expires) * 1000) return ['AccessDenied', 'Request has expired']
  return null
}

export function recordingRoute(ctx: RecordingContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const stable = STABLE.exec(url.pathname)
  const signed = SIGNED.exec(url.pathname)
  const [callId, file] = stable ? [stable[1]!, stable[2]!] : [signed![2]!, signed![3]!]
  if (signed) {
    const refused = refusal(ctx, signed[1]!, url.searchParams)
    if (refused) return s3Error(res, 403, ...refused)
  }
  const c = ctx.data.byId.get(callId)
  if (!c || ctx.now() < c.recordingMs) return s3Error(res, 404, 'NoSuchKey', 'The specified key does not exist.')
  const tl = ctx.data.timelineOf(c)
  // Callers' voices vary per call, from deep to high.
  const userF0 = 95 + Math.floor(hash01(c.key, ctx.data.opts.seed) * 140)
  const rec: Recording = { channels: file === 'dual' ? 2 : 1, durationS: c.durationS, agentChannel: c.agentChannel, turns: tl.turns, agentF0: c.agent.voice.f0, userF0, key: c.key }
  serveBytes(req, res, rec, `"${callId}-${file}"`)
}

/** The single range asked for; null to send the whole file (none, or one we may ignore); 'unsatisfiable'. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  const m = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!m || (!m[1] && !m[2])) return null
  if (!m[1]) {
    const n = Number(m[2])
    return n === 0 ? 'unsatisfiable' : { start: Math.max(0, size - n), end: size }
  }
  const start = Number(m[1])
  const end = m[2] ? Number(m[2]) + 1 : size
  if (m[2] && end <= start) return null // a reversed range is invalid: ignored, as RFC 9110 says
  return start >= size ? 'unsatisfiable' : { start, end: Math.min(end, size) }
}

const CHUNK = 256 * 1024

function serveBytes(req: IncomingMessage, res: ServerResponse, rec: Recording, etag: string): void {
  const size = wavSize(rec)
  const range = parseRange(req.headers.range, size)
  const common = { 'content-type': 'audio/wav', 'accept-ranges': 'bytes', etag }
  if (range === 'unsatisfiable') return void res.writeHead(416, { ...common, 'content-range': `bytes */${size}` }).end()
  const { start, end } = range ?? { start: 0, end: size }
  const partial = range ? { 'content-range': `bytes ${start}-${end - 1}/${size}` } : {}
  res.writeHead(range ? 206 : 200, { ...common, ...partial, 'content-length': String(end - start) })
  if (req.method === 'HEAD') return void res.end()
  let pos = start
  const pump = () => {
    while (pos < end) {
      const next = Math.min(end, pos + CHUNK)
      const more = res.write(renderRange(rec, pos, next))
      pos = next
      if (!more) return void res.once('drain', pump)
    }
    res.end()
  }
  res.on('close', () => (pos = end))
  pump()
}
