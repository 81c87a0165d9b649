// Runs the built renderer (out/renderer) in Debian's headless Chromium with window.api provided
// by forwarding each bridge method to the same dispatch() the app registers on ipcMain: real
// services, real SQLite, real emulator. Only the transport differs from Electron's IPC.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { readFile } from 'node:fs/promises'
import { existsSync, mkdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { chromium, type Browser, type Page } from 'playwright-core'
import { API_METHODS, API_SUBSCRIPTIONS, type Push } from '@shared/ipc/contract'
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp'
import { resolveInside } from '../../src/main/safePath'
import { setLogSink } from '../../src/main/log'
import { createServices, type Services } from '../../src/main/services'
import type { MediaUrls } from '../../src/main/media/media.service'
import { mediaResponse } from '../../src/main/media/mediaResponse'
import { mediaSchemeUrls } from '../../src/main/media/mediaUrls'
import { testEncryptor } from '../support/testEncryptor'
import { tempDir } from '../support/tempDir'

const RENDERER = join(process.cwd(), 'out/renderer')
export const ARTIFACTS = join(process.cwd(), 'test-artifacts')
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
]

/** Recordings and peaks the way the app's earmark-media scheme serves them, on this server. */
const MEDIA_PREFIX = '/earmark-media/'
export const harnessMediaUrls = (origin: () => string): MediaUrls => ({
  audio: (callId, kind) => `${origin()}${MEDIA_PREFIX}${mediaSchemeUrls.audio(callId, kind).split('://')[1]}`,
  peaks: (callId, kind) => `${origin()}${MEDIA_PREFIX}${mediaSchemeUrls.peaks(callId, kind).split('://')[1]}`,
})

async function sendMedia(services: Services, req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  const range = typeof req.headers.range === 'string' ? req.headers.range : null
  const answer = mediaResponse(services.media, services.paths.recordings, { path, method: req.method ?? 'GET', range })
  res.writeHead(answer.status, Object.fromEntries(answer.headers))
  if (!answer.body) return void res.end()
  const body = Readable.fromWeb(answer.body as import('node:stream/web').ReadableStream<Uint8Array>)
  res.on('close', () => body.destroy())
  body.pipe(res)
}

function serveRenderer(services: Services): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname
    if (pathname.startsWith(MEDIA_PREFIX)) return sendMedia(services, req, res, pathname.slice(MEDIA_PREFIX.length))
    const file = resolveInside(RENDERER, pathname)
    if (!file) return void res.writeHead(404).end()
    try {
      const body = await readFile(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-security-policy': CONTENT_SECURITY_POLICY })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html` })),
  )
}

export interface Harness {
  page: Page
  services: Services
  pageErrors: string[]
  push<C extends keyof Push>(channel: C, ...payload: Parameters<Push[C]>): Promise<void>
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

/**
 * baseUrl defaults to a closed local port: a test must never reach the real Atoms API, even by a
 * click that checks a key.
 */
export async function launch(opts: { dataDir?: string; baseUrl?: string; apiKey?: string } = {}): Promise<Harness> {
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first')
  setLogSink(() => {}, 'error')
  const dir = opts.dataDir ? null : tempDir('earmark-e2e-')
  let origin = ''
  const services = createServices({ dataDir: opts.dataDir ?? dir!.path, encryptor: testEncryptor(), version: '0.1.0', electron: null, mediaUrls: harnessMediaUrls(() => origin) })
  services.settings.update({ baseUrl: opts.baseUrl ?? 'http://127.0.0.1:9/atoms/v1', requestsPerSecond: 200 })
  if (opts.apiKey) services.keys.set(opts.apiKey)
  const pushProgress = services.onSyncProgress((p) => void push('sync:progress', p).catch(() => {}))
  const { server, url } = await serveRenderer(services)
  origin = new URL(url).origin
  const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 } })
  const pageErrors: string[] = []
  page.on('pageerror', (err) => pageErrors.push(err.message))
  page.on('console', (msg) => msg.type() === 'error' && pageErrors.push(msg.text()))
  // tsx (esbuild keepNames) wraps named functions in __name(); functions sent to the page keep
  // those calls, so the page needs a harmless __name when this harness runs under tsx (the bench).
  await page.addInitScript('globalThis.__name = globalThis.__name || ((fn) => fn)')
  // Arguments and results cross as JSON text: Playwright serialises a string at once but walks a
  // large object value by value, which made a page of 100 rows cost ~20 ms here (Electron's
  // structured clone takes ~1 ms). Bridge values are plain data, so JSON keeps them as they are.
  await page.exposeFunction('__earmarkInvoke', async (channel: string, args: string) => JSON.stringify(await services.dispatch(channel, JSON.parse(args) as unknown[])))
  await page.addInitScript(
    ({ methods, subs }) => {
      const w = window as unknown as Record<string, unknown> & { __earmarkInvoke: (c: string, a: string) => Promise<string> }
      const api: Record<string, unknown> = {}
      for (const [method, channel] of Object.entries(methods)) {
        api[method] = async (...args: unknown[]) => JSON.parse(await w.__earmarkInvoke(channel, JSON.stringify(args))) as unknown
      }
      for (const [name, channel] of Object.entries(subs)) {
        api[name] = (listener: (...a: unknown[]) => void) => {
          const handler = (e: Event) => {
            const detail = (e as CustomEvent<{ channel: string; payload: unknown[] }>).detail
            if (detail.channel === channel) listener(...detail.payload)
          }
          window.addEventListener('__earmark_push', handler)
          return () => window.removeEventListener('__earmark_push', handler)
        }
      }
      Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false })
    },
    { methods: API_METHODS, subs: API_SUBSCRIPTIONS },
  )
  const push: Harness['push'] = async (channel, ...payload) => {
    await page.evaluate(({ channel, payload }) => {
      window.dispatchEvent(new CustomEvent('__earmark_push', { detail: { channel, payload } }))
    }, { channel, payload })
  }
  await page.goto(url)
  mkdirSync(ARTIFACTS, { recursive: true })
  return {
    page,
    services,
    pageErrors,
    push,
    screenshot: async (name) => {
      const path = join(ARTIFACTS, `${name}.png`)
      await page.screenshot({ path })
      return path
    },
    close: async () => {
      pushProgress()
      await browser.close()
      await new Promise((r) => server.close(r))
      services.close()
      dir?.cleanup()
    },
  }
}
