// The app's own URL scheme. The renderer is served from earmark://app/ rather than file://, so
// its origin is unique (the IPC sender check and the CSP's 'self' mean something), and only
// files inside the built renderer folder can be served.
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from './csp'
import { MEDIA_SCHEME } from './media/mediaUrls'
import { resolveInside } from './safePath'

export const APP_SCHEME = 'earmark'
export const APP_ORIGIN = `${APP_SCHEME}://app`

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/** Must run before app 'ready'. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    // stream: the audio element reads recordings by byte range; corsEnabled: Web Audio (solo a
    // channel) only hears media that its origin may read.
    { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, corsEnabled: true } },
  ])
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    const file = url.host === 'app' ? resolveInside(rendererDir, url.pathname) : null
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}
