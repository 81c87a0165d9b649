// The renderer's CSP is strict and the same in the page and the protocol header; the app
// protocol serves only files inside the renderer folder.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { protocol } from 'electron'
import { CONTENT_SECURITY_POLICY } from '../../src/main/csp'
import { serveRenderer } from '../../src/main/appProtocol'
import { resolveInside } from '../../src/main/safePath'
import { tempDir } from '../support/tempDir'

const metaCsp = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
const dir = tempDir()
afterAll(() => dir.cleanup())

describe('content security policy', () => {
  it('is the same in the source page, the built page and the protocol header', () => {
    expect(metaCsp(readFileSync('src/renderer/index.html', 'utf8'))).toBe(CONTENT_SECURITY_POLICY)
    expect(metaCsp(readFileSync('out/renderer/index.html', 'utf8'))).toBe(CONTENT_SECURITY_POLICY)
  })

  it('allows scripts from the app only and nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/)
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
  })
})

describe('app protocol', () => {
  const root = join(dir.path, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<p>app</p>')
  writeFileSync(join(dir.path, 'secret.txt'), 'secret')

  it('keeps every path inside the renderer folder', () => {
    expect(resolveInside(root, '/index.html')).toBe(join(root, 'index.html'))
    expect(resolveInside(root, '/')).toBe(join(root, 'index.html'))
    for (const bad of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/%00', '/%E0%A4%A']) {
      expect(resolveInside(root, bad), bad).toBeNull()
    }
  })

  it('serves the page with the CSP header and 404s anything outside', async () => {
    serveRenderer(root)
    const handler = (protocol as unknown as { handlers: Map<string, (r: Request) => Promise<Response>> }).handlers.get('earmark')!
    const ok = await handler(new Request('earmark://app/index.html'))
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect((await handler(new Request('earmark://app/..%2fsecret.txt'))).status).toBe(404)
    expect((await handler(new Request('earmark://other/index.html'))).status).toBe(404)
  })
})
