// A local Atoms call-log API on 127.0.0.1 (atoms-api.md): the counterpart of Earmark's client in
// tests, the benchmark and the demo workspace. Data comes from a seed; the clock, the call
// lifecycle's speed, faults and a rate limit are switches, so tests can prove the client recovers
// from what the real service does. Requests flow: recordings (no auth, no faults) → auth (401) →
// rate limit (429) → injected fault → route.
import { randomBytes, randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Org } from './agents'
import { Dataset } from './dataset'
import { stampZeroMs } from './detail'
import { playFault } from './faultPlay'
import { FaultInjector, toFaultSpec, type FaultSpec } from './faults'
import { badRequest, HttpError } from './httpError'
import { Listings } from './listings'
import { isFullScan } from './listQuery'
import { existsAt } from './lifecycle'
import { sendRateLimited, TokenBuckets } from './rateLimit'
import { isRecordingPath, recordingRoute, type RecordingContext } from './recordings'
import { detailRoute, downloadUrlRoute, listRoute, retriesRoute, searchRoute, type ApiContext, type Send } from './routes'
import { SAMPLE_RATE } from './wav'

export type { FaultSpec } from './faults'

export interface EmulatorOptions {
  /** 0 or undefined: a random free port. */
  port?: number
  /** Calls of org A at start (roots and retries); default 200. */
  calls?: number
  /** Same seed (and start time) → same data; default 1. */
  seed?: number
  /** Org A's key; default sk_test_earmark. */
  apiKey?: string
  /** Org B's key (its own, fewer calls); default sk_test_other_org. */
  otherOrgKey?: string
  /** Requests per second per key (token bucket); undefined: unlimited. */
  rateLimit?: number
  faults?: FaultSpec | string | null
  /** Old payload shapes (legacy.ts). */
  legacy?: boolean
  /** Which channel of the dual recording is the agent; default 'mixed' (per call, deterministic). */
  agentChannel?: 0 | 1 | 'mixed'
  /** Clock in ms; default Date.now. The newest calls are just before its value at start. */
  now?: () => number
  /** Emulator time runs this many times faster than the clock (lifecycle speed); default 1. */
  timeScale?: number
  /** Lifetime of presigned recording URLs in emulator ms; default 300 000. */
  urlTtlMs?: number
  /** New root calls arrive about every this many emulator seconds; default none. */
  arrivalEveryS?: number
  /**
   * The recording starts this many seconds after the clock the transcript and event timestamps
   * use (so they all read lagS earlier relative to the audio); default 0. truth() keeps the real
   * start of sample 0.
   */
  recordingLagS?: number
}

export interface CallTruth {
  agentChannel: 0 | 1
  /** Wall-clock time of sample 0 of the recording. */
  recordingStartIso: string
  sampleRate: number
  durationS: number
  /** True speech positions in the recording (s), and the timestamp the transcript gives each turn. */
  turns: { role: 'agent' | 'user'; startS: number; endS: number; timestampIso: string }[]
}

export interface Emulator {
  url: string
  port: number
  close(): Promise<void>
  setFaults(f: FaultSpec | string | null): void
  /** Requests seen, answers by status, and faults injected by kind. */
  stats(): { requests: number; byStatus: Record<number, number>; faults: Record<string, number> }
  truth(callId: string): CallTruth | null
  /** Every call of an org that exists now (roots and retries), in no particular order. */
  callIds(org?: Org): string[]
}

const PREFIX = '/atoms/v1'
const MAX_BODY_BYTES = 1 << 20

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const clock = opts.now ?? Date.now
  const t0 = clock()
  const scale = opts.timeScale ?? 1
  const now = () => t0 + (clock() - t0) * scale
  const seed = opts.seed ?? 1
  const data = new Dataset({ calls: opts.calls ?? 200, seed, now: t0, agentChannel: opts.agentChannel ?? 'mixed', arrivalEveryS: opts.arrivalEveryS, recordingLagS: opts.recordingLagS })
  const keys = new Map<string, Org>([
    [opts.apiKey ?? 'sk_test_earmark', 'A'],
    [opts.otherOrgKey ?? 'sk_test_other_org', 'B'],
  ])
  const faults = new FaultInjector(toFaultSpec(opts.faults), seed)
  const limiter = opts.rateLimit ? new TokenBuckets(opts.rateLimit) : null
  const counters = { requests: 0, byStatus: {} as Record<number, number> }
  const recordings: RecordingContext = { data, now, origin: '', secret: randomBytes(16).toString('hex'), urlTtlS: Math.round((opts.urlTtlMs ?? 300_000) / 1000) }
  const ctx: ApiContext = { data, listings: new Listings(data), now, legacy: opts.legacy ?? false, recordings }

  async function handle(req: IncomingMessage, res: ServerResponse, send: Send): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (isRecordingPath(url.pathname) && (req.method === 'GET' || req.method === 'HEAD')) return recordingRoute(recordings, req, res, url)
    if (!url.pathname.startsWith(PREFIX + '/')) throw new HttpError(404, 'Resource not found')
    const key = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1]
    const org = key === undefined ? undefined : keys.get(key)
    if (!org || !key) throw new HttpError(401, 'Unauthorized: User not found')
    const allowed = limiter?.take(key)
    if (allowed && !allowed.ok) return sendRateLimited(res, 'rl', allowed.retryAfterS, 'seconds', opts.rateLimit!)
    const path = url.pathname.slice(PREFIX.length)
    const q = url.searchParams
    const fault = faults.draw(path === '/conversation' && isFullScan(q))
    if (fault && (await playFault(fault, req, res))) return
    const id = (m: RegExpExecArray) => {
      try {
        return decodeURIComponent(m[1]!)
      } catch {
        throw badRequest('Invalid call ID format')
      }
    }
    let m: RegExpExecArray | null
    if (req.method === 'GET' && path === '/conversation') return listRoute(ctx, org, q, send)
    if (req.method === 'POST' && path === '/conversation/search') return searchRoute(ctx, org, await jsonBody(req), send)
    if (req.method === 'GET' && (m = /^\/conversation\/([^/]+)\/recording\/download-url$/.exec(path))) return downloadUrlRoute(ctx, org, id(m), send)
    if (req.method === 'GET' && (m = /^\/conversation\/([^/]+)\/retries$/.exec(path))) return retriesRoute(ctx, org, id(m), send)
    if (req.method === 'GET' && (m = /^\/conversation\/([^/]+)$/.exec(path))) return detailRoute(ctx, org, id(m), send)
    throw new HttpError(404, 'Resource not found')
  }

  const server = createServer((req, res) => {
    counters.requests++
    res.setHeader('x-request-id', randomUUID())
    res.on('finish', () => (counters.byStatus[res.statusCode] = (counters.byStatus[res.statusCode] ?? 0) + 1))
    const send: Send = (status, body) => void res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
    handle(req, res, send).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy()
      if (err instanceof HttpError) return send(err.status, { status: false, errors: [err.message] })
      send(500, { status: false, errors: ['Internal server error'] })
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  recordings.origin = `http://127.0.0.1:${port}`

  return {
    url: recordings.origin + PREFIX,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
    setFaults: (f) => (faults.spec = toFaultSpec(f)),
    stats: () => ({ requests: counters.requests, byStatus: { ...counters.byStatus }, faults: { ...faults.counts } }),
    truth: (callId) => truthOf(data, callId),
    callIds: (org = 'A') => {
      const at = now()
      return data.calls.filter((c) => c.org === org && existsAt(c, at)).map((c) => c.callId)
    },
  }
}

function truthOf(data: Dataset, callId: string): CallTruth | null {
  const c = data.byId.get(callId)
  if (!c || !c.connected) return null
  const tl = data.timelineOf(c)
  const zeroMs = stampZeroMs(data, c)
  return {
    agentChannel: c.agentChannel,
    recordingStartIso: new Date(c.startMs).toISOString(),
    sampleRate: SAMPLE_RATE,
    durationS: c.durationS,
    turns: tl.turns.map((t) => ({ role: t.role, startS: t.startS, endS: t.endS, timestampIso: new Date(zeroMs + t.stampS * 1000).toISOString() })),
  }
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw badRequest('Invalid input: the body is too large')
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw badRequest('Invalid input: the body must be JSON')
  }
}
