// A local Atoms call-log API on 127.0.0.1: the counterpart of Earmark's client in tests, the
// benchmark and the demo workspace. Data is generated from a seed; faults and a rate limit can be
// switched on to prove the client recovers from what the real service does.
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Dataset, type Org } from './dataset'
import { FaultInjector, parseFaults, type Fault, type FaultSpec } from './faults'
import { BadRequest } from './listQuery'
import { detailRoute, downloadUrlRoute, expensive, listRoute, NotFound, orgOf, recordingRoute, searchRoute, type RouteContext, type Send } from './routes'

export interface EmulatorOptions {
  port?: number
  calls?: number
  seed?: number
  apiKey?: string
  otherOrgKey?: string
  rateLimit?: number
  faults?: FaultSpec | string | null
  legacy?: boolean
  agentChannel?: 0 | 1 | 'mixed'
  now?: () => number
  timeScale?: number
  urlTtlMs?: number
}

export interface CallTruth {
  agentChannel: 0 | 1
  recordingStartIso: string
  sampleRate: number
  durationS: number
  turns: { role: 'agent' | 'user'; startS: number; endS: number; timestampIso: string }[]
}

export interface Emulator {
  url: string
  port: number
  close(): Promise<void>
  setFaults(f: FaultSpec | string | null): void
  stats(): { requests: number; byStatus: Record<number, number> }
  truth(callId: string): CallTruth | null
  callIds(org?: Org): string[]
}

const PREFIX = '/atoms/v1'

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const realNow = opts.now ?? Date.now
  const t0 = realNow()
  const scale = opts.timeScale ?? 1
  const now = () => t0 + (realNow() - t0) * scale
  const data = new Dataset({ calls: opts.calls ?? 200, seed: opts.seed ?? 1, now: t0, agentChannel: opts.agentChannel ?? 'mixed' })
  const keys = new Map<string, Org>([
    [opts.apiKey ?? 'sk_test_earmark', 'A'],
    [opts.otherOrgKey ?? 'sk_test_other_org', 'B'],
  ])
  const faults = new FaultInjector(toSpec(opts.faults), opts.seed ?? 1)
  const stats = { requests: 0, byStatus: {} as Record<number, number> }
  const buckets = new Map<string, { tokens: number; at: number }>()
  const ctx: RouteContext = { data, keys, now, legacy: opts.legacy ?? false, origin: '', secret: randomBytes(16).toString('hex'), urlTtlMs: opts.urlTtlMs ?? 300_000 }

  const overLimit = (key: string): boolean => {
    if (!opts.rateLimit) return false
    const t = Date.now()
    const b = buckets.get(key) ?? { tokens: opts.rateLimit, at: t }
    b.tokens = Math.min(opts.rateLimit, b.tokens + ((t - b.at) / 1000) * opts.rateLimit)
    b.at = t
    buckets.set(key, b)
    if (b.tokens < 1) return true
    b.tokens -= 1
    return false
  }

  const server = createServer((req, res) => {
    stats.requests++
    res.setHeader('x-request-id', randomUUID())
    res.on('finish', () => (stats.byStatus[res.statusCode] = (stats.byStatus[res.statusCode] ?? 0) + 1))
    const send: Send = (status, body, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
    }
    handle(req, res, send).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy()
      if (err instanceof BadRequest) return send(400, { status: false, errors: [err.message] })
      if (err instanceof NotFound) return send(404, { status: false, errors: [err.message] })
      send(500, { status: false, errors: ['Internal server error'] })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse, send: Send): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname.startsWith('/recordings/')) return recordingRoute(ctx, req, res, url)
    if (!url.pathname.startsWith(PREFIX)) return send(404, { status: false, errors: ['Resource not found'] })
    const org = orgOf(ctx, req)
    if (!org) return send(401, { status: false, errors: ['Unauthorized: User not found'] })
    const key = req.headers.authorization!
    if (overLimit(key)) return send(429, { status: false, error: 'Rate limit exceeded', code: 'RATE_LIMIT_EXCEEDED', retry_after: 1 }, { 'retry-after': '1' })
    const path = url.pathname.slice(PREFIX.length)
    const fault = faults.draw(path === '/conversation' && expensive(url.searchParams))
    if (await injected(fault, req, res, send)) return
    if (req.method === 'GET' && path === '/conversation') return listRoute(ctx, org, url.searchParams, send)
    if (req.method === 'POST' && path === '/conversation/search') return searchRoute(ctx, org, await jsonBody(req), send)
    const dl = /^\/conversation\/([^/]+)\/recording\/download-url$/.exec(path)
    if (req.method === 'GET' && dl) return downloadUrlRoute(ctx, org, decodeURIComponent(dl[1]!), send)
    const one = /^\/conversation\/([^/]+)$/.exec(path)
    if (req.method === 'GET' && one) return detailRoute(ctx, org, decodeURIComponent(one[1]!), send)
    send(404, { status: false, errors: ['Resource not found'] })
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  ctx.origin = `http://127.0.0.1:${port}`
  return {
    url: `${ctx.origin}${PREFIX}`,
    port,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
    setFaults: (f) => (faults.spec = toSpec(f)),
    stats: () => ({ requests: stats.requests, byStatus: { ...stats.byStatus } }),
    truth: (callId) => {
      const c = data.byId.get(callId)
      if (!c || !c.connected) return null
      const tl = data.timelineOf(c)
      return {
        agentChannel: c.agentChannel,
        recordingStartIso: new Date(c.startMs).toISOString(),
        sampleRate: 16_000,
        durationS: tl.durationS,
        turns: tl.turns.map((t) => ({ role: t.role, startS: t.startS, endS: t.endS, timestampIso: new Date(c.startMs + t.stampS * 1000).toISOString() })),
      }
    },
    callIds: (org = 'A') => data.calls.filter((c) => c.org === org).map((c) => c.callId),
  }
}

function toSpec(f: FaultSpec | string | null | undefined): FaultSpec | null {
  if (!f) return null
  return typeof f === 'string' ? parseFaults(f) : f
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new BadRequest('Invalid input: the body must be JSON')
  }
}

/** Plays out a drawn fault; true when the request has been answered (or dropped) by it. */
async function injected(fault: Fault, req: IncomingMessage, res: ServerResponse, send: Send): Promise<boolean> {
  if (!fault) return false
  switch (fault.kind) {
    case '429': {
      const headers: Record<string, string> =
        fault.retryAfter === 'seconds' ? { 'retry-after': '1' } : fault.retryAfter === 'date' ? { 'retry-after': new Date(Date.now() + 1000).toUTCString() } : {}
      const body = fault.shape === 'rl' ? { status: false, error: 'Rate limit exceeded', code: 'RATE_LIMIT_EXCEEDED', retry_after: 1 } : { message: 'Rate limit exceeded', rateLimit: { routeClass: 'conversation', limit: 10, retryAfterSec: 1 } }
      send(429, body, headers)
      return true
    }
    case '500':
      send(500, { status: false, errors: ['Internal server error'] })
      return true
    case '504':
      res.writeHead(504, { 'content-type': 'text/html' }).end('<html><body><h1>504 Gateway Time-out</h1></body></html>')
      return true
    case 'reset':
      req.socket.destroy()
      return true
    case 'malformed':
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":true,"data":{"logs":[{"callId":"CALL-')
      return true
    case 'slow':
      await new Promise((r) => setTimeout(r, fault.ms))
      return false
  }
}
