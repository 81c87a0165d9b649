// Recording downloads over real HTTP on 127.0.0.1: the file appears whole or not at all, a
// dropped connection is resumed with Range, the key goes to no other host, and a dead link says
// so in a way the caller can act on (ask for a fresh link).
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { isStaleLinkError, LINK_EXPIRED_MESSAGE } from '../../src/main/atoms/download'
import { tempDir } from '../support/tempDir'
import { KEY, setup, type Seen } from './atoms-fixtures'

const dir = tempDir('earmark-atoms-dl-')
afterAll(() => dir.cleanup())
let n = 0
const target = () => join(dir.path, `rec-${++n}.wav`)
const leftovers = (file: string) => readdirSync(dir.path).filter((f) => f.startsWith(file.split('/').pop()!))

const AUDIO = Buffer.from('RIFF' + 'abcdefghij'.repeat(6000))

/** Serves AUDIO, honouring a Range header when `ranges` is on. */
function serve(req: Seen | IncomingMessage, res: ServerResponse, ranges = true, cut: number | null = null) {
  const m = /^bytes=(\d+)-$/.exec(String(req.headers.range ?? ''))
  const start = ranges && m ? Number(m[1]) : 0
  const headers: Record<string, string> = { 'content-type': 'audio/wav', 'content-length': String(AUDIO.length - start), ...(ranges ? { 'accept-ranges': 'bytes', etag: '"v1"' } : {}) }
  if (start > 0) headers['content-range'] = `bytes ${start}-${AUDIO.length - 1}/${AUDIO.length}`
  res.writeHead(start > 0 ? 206 : 200, headers)
  if (cut === null) return void res.end(AUDIO.subarray(start))
  res.write(AUDIO.subarray(start, cut))
  setTimeout(() => res.socket?.destroy(), 20)
}

describe('downloadRecording', () => {
  it('writes the file whole and atomically, reporting progress', async () => {
    const { client, server } = await setup((req, res) => serve(req, res))
    const file = target()
    const progress: [number, number | null][] = []
    const out = await client.downloadRecording(`${server.origin}/call-recordings/a.wav`, file, { onProgress: (b, t) => progress.push([b, t]) })
    expect(out).toEqual({ bytes: AUDIO.length, contentType: 'audio/wav' })
    expect(readFileSync(file).equals(AUDIO)).toBe(true)
    expect(leftovers(file)).toEqual([file.split('/').pop()])
    expect(progress.at(-1)).toEqual([AUDIO.length, AUDIO.length])
  })

  it('sends the key only to URLs under the API base, never to other hosts or paths', async () => {
    const { client, server } = await setup((req, res) => serve(req, res))
    await client.downloadRecording(`${server.origin}/presigned/a.wav?X-Amz-Signature=abc`, target())
    await client.downloadRecording(`http://localhost:${server.port}/atoms/v1/rec.wav`, target())
    await client.downloadRecording(`${server.origin}/atoms/v1-other/rec.wav`, target())
    await client.downloadRecording(`${server.url}/conversation/x/recording.wav`, target())
    expect(server.seen.map((s) => s.headers.authorization)).toEqual([undefined, undefined, undefined, `Bearer ${KEY}`])
  })

  it('resumes a dropped download with a Range request', async () => {
    const { client, server } = await setup((req, res, i) => serve(req, res, true, i === 1 ? 20_000 : null))
    const file = target()
    const out = await client.downloadRecording(`${server.origin}/rec.wav`, file)
    expect(out.bytes).toBe(AUDIO.length)
    expect(readFileSync(file).equals(AUDIO)).toBe(true)
    expect(server.seen.map((s) => [s.headers.range, s.headers['if-range']])).toEqual([[undefined, undefined], ['bytes=20000-', '"v1"']])
  })

  it('starts again when the server does not take ranges', async () => {
    const { client, server } = await setup((req, res, i) => serve(req, res, false, i === 1 ? 20_000 : null))
    const file = target()
    await client.downloadRecording(`${server.origin}/rec.wav`, file)
    expect(readFileSync(file).equals(AUDIO)).toBe(true)
    expect(server.seen.map((s) => s.headers.range)).toEqual([undefined, undefined])
  })

  it('leaves no file and no part file when the connection keeps dropping mid-body', async () => {
    const { client, server } = await setup((req, res) => serve(req, res, true, Math.min(AUDIO.length, Number(/\d+/.exec(String(req.headers.range))?.[0] ?? 0) + 1000)))
    const file = target()
    await expect(client.downloadRecording(`${server.origin}/rec.wav`, file)).rejects.toMatchObject({ code: 'OFFLINE', message: expect.stringMatching(/interrupted/) })
    expect(server.seen).toHaveLength(3)
    expect(existsSync(file)).toBe(false)
    expect(existsSync(`${file}.part`)).toBe(false)
  })

  it('removes the part file when cancelled mid-body', async () => {
    const abort = new AbortController()
    const { client, server } = await setup((_r, res) => {
      res.writeHead(200, { 'content-length': String(AUDIO.length) }).write(AUDIO.subarray(0, 1000))
    })
    const file = target()
    const pending = client.downloadRecording(`${server.origin}/rec.wav`, file, { signal: abort.signal, onProgress: () => abort.abort() })
    await expect(pending).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(existsSync(`${file}.part`)).toBe(false)
    expect(existsSync(file)).toBe(false)
  })

  it.each([403, 401, 410, 400])('says an expired link (%i) is FORBIDDEN, so the caller asks for a fresh one', async (status) => {
    const { client } = await setup((_r, res) => void res.writeHead(status, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>'))
    const err = await client.downloadRecording(client.baseUrl.replace('/atoms/v1', '/x.wav'), target()).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(LINK_EXPIRED_MESSAGE) })
    expect(isStaleLinkError(err)).toBe(true)
  })

  it('says a link to nothing is NOT_FOUND, and other failures are not stale links', async () => {
    const { client, server } = await setup((_r, res, i) => void res.writeHead(i === 1 ? 404 : 502).end())
    const gone = await client.downloadRecording(`${server.origin}/x.wav`, target()).catch((e: unknown) => e)
    expect(gone).toMatchObject({ code: 'NOT_FOUND' })
    expect(isStaleLinkError(gone)).toBe(true)
    const failed = await client.downloadRecording(`${server.origin}/x.wav`, target()).catch((e: unknown) => e)
    expect(failed).toMatchObject({ code: 'INTERNAL', retryable: true, message: expect.stringMatching(/HTTP 502/) })
    expect(isStaleLinkError(failed)).toBe(false)
  })

  it('is INTERNAL, not OFFLINE, when the file cannot be written', async () => {
    const { client, server } = await setup((req, res) => serve(req, res))
    const file = join(dir.path, 'no-such-folder', 'a.wav')
    await expect(client.downloadRecording(`${server.origin}/rec.wav`, file)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/ENOENT/) })
  })

  it('refuses a link that is not http(s) without a request', async () => {
    const { client, server } = await setup((req, res) => serve(req, res))
    await expect(client.downloadRecording('file:///etc/passwd', target())).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    await expect(client.downloadRecording('not a url', target())).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    expect(server.seen).toHaveLength(0)
  })
})
