// The earmark-media scheme validates the call id and serves only files inside the recordings
// folder, whatever a path, the database or a symlink says; the scheme is privileged for streaming
// and answers the app's origin only.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { protocol } from 'electron'
import { registerSchemes } from '../../src/main/appProtocol'
import { serveMedia } from '../../src/main/media/mediaProtocol'
import { createServices, type Services } from '../../src/main/services'
import { tempDir } from '../support/tempDir'
import { testEncryptor } from '../support/testEncryptor'
import { makeCall } from '../support/calls'

const dir = tempDir()
let services: Services
let handler: (r: Request) => Promise<Response> | Response
const WAV = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WAVEfmt '), Buffer.alloc(40)])

function fileRow(callId: string, file: string) {
  services.store.cache
    .prepare("INSERT OR REPLACE INTO recordings (call_id, kind, file, bytes, format, channels, sample_rate, duration_s, fetched_ms) VALUES (?, 'dual', ?, 56, 'wav', 2, 16000, 0, 0)")
    .run(callId, file)
}

beforeAll(() => {
  services = createServices({ dataDir: dir.path, encryptor: testEncryptor(), version: '0.1.0', electron: null })
  const ids = ['CALL-1-good', 'CALL-2-dotdot', 'CALL-3-link']
  services.store.calls.upsertSummaries(ids.map((id, i) => makeCall(i, { id })), [])
  mkdirSync(join(services.paths.recordings, 'CALL-1-good'), { recursive: true })
  writeFileSync(join(services.paths.recordings, 'CALL-1-good', 'dual.wav'), WAV)
  writeFileSync(join(dir.path, 'outside.wav'), WAV)
  fileRow('CALL-1-good', 'CALL-1-good/dual.wav')
  fileRow('CALL-2-dotdot', '../outside.wav')
  mkdirSync(join(services.paths.recordings, 'CALL-3-link'), { recursive: true })
  symlinkSync(join(dir.path, 'outside.wav'), join(services.paths.recordings, 'CALL-3-link', 'dual.wav'))
  fileRow('CALL-3-link', 'CALL-3-link/dual.wav')
  serveMedia(services.media, services.paths.recordings, 'earmark://app')
  handler = (protocol as unknown as { handlers: Map<string, typeof handler> }).handlers.get('earmark-media')!
})
afterAll(() => {
  services.close()
  dir.cleanup()
})

describe('media protocol', () => {
  it('is registered as a privileged, streaming scheme', () => {
    registerSchemes()
    expect((protocol as unknown as { privileged: { scheme: string; privileges: Record<string, boolean> }[] }).privileged).toContainEqual({
      scheme: 'earmark-media',
      privileges: expect.objectContaining({ stream: true, standard: true, secure: true }) as unknown,
    })
  })

  it('serves a recording inside the folder to the app origin only', async () => {
    const res = await handler(new Request('earmark-media://call/CALL-1-good/dual'))
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBe('earmark://app')
    expect(Buffer.from(await res.arrayBuffer()).equals(WAV)).toBe(true)
  })

  it('refuses files outside the folder, by database row or by symlink', async () => {
    expect((await handler(new Request('earmark-media://call/CALL-2-dotdot/dual'))).status).toBe(404)
    expect((await handler(new Request('earmark-media://call/CALL-3-link/dual'))).status).toBe(404)
  })

  it('refuses bad call ids, other paths and other hosts', async () => {
    for (const url of [
      'earmark-media://call/..%2F..%2Foutside/dual',
      'earmark-media://call/CALL-1-good/../../outside.wav',
      'earmark-media://call/%00/dual',
      'earmark-media://call/CALL-1-good/dual.wav',
      'earmark-media://other/CALL-1-good/dual',
      'earmark-media://call/CALL-1-good/mono',
    ]) {
      expect((await handler(new Request(url))).status, url).toBe(404)
    }
  })

  it('answers only GET and HEAD', async () => {
    expect((await handler(new Request('earmark-media://call/CALL-1-good/dual', { method: 'POST', body: 'x' }))).status).toBe(405)
    const head = await handler(new Request('earmark-media://call/CALL-1-good/dual', { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(WAV.length))
  })
})

describe('byte ranges', () => {
  it('serves one range, refuses what cannot be satisfied and ignores what is invalid', async () => {
    const { byteRange } = await import('../../src/main/media/mediaResponse')
    expect(byteRange('bytes=0-9', 100)).toEqual({ start: 0, end: 9 })
    expect(byteRange('bytes=90-', 100)).toEqual({ start: 90, end: 99 })
    expect(byteRange('bytes=-10', 100)).toEqual({ start: 90, end: 99 })
    expect(byteRange('bytes=100-', 100)).toBe('bad')
    expect(byteRange('bytes=-1', 0)).toBe('bad')
    expect(byteRange('bytes=5-2', 100)).toBeNull()
    expect(byteRange('bytes=0-1,5-6', 100)).toBeNull()
  })
})
