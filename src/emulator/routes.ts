// The emulator's HTTP routes under /atoms/v1 (the call-log API) and /recordings (the files a
// recording URL points at). Auth and org isolation as documented: a wrong key is 401 with
// "Unauthorized: User not found"; another org's calls are not found (E3) or silently left out (E2).
import { createHmac } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { stateAt, type Dataset, type EmuCall, type Org } from './dataset'
import { BadRequest, parseList, sortCalls } from './listQuery'
import { detail, listItem, wireStatus, type PayloadContext } from './payloads'
import { renderRange, totalBytes, type Recording } from './wav'

export interface RouteContext {
  data: Dataset
  keys: Map<string, Org>
  now: () => number
  legacy: boolean
  origin: string
  secret: string
  urlTtlMs: number
}

export type Send = (status: number, body: unknown, headers?: Record<string, string>) => void

const CALL_ID = /^CALL-\d{13}-[0-9a-f]{6}$/
const OBJECT_ID = /^[0-9a-f]{24}$/

function payloadContext(ctx: RouteContext): PayloadContext {
  return { data: ctx.data, now: ctx.now(), legacy: ctx.legacy, recordingsBase: `${ctx.origin}/recordings` }
}

export function orgOf(ctx: RouteContext, req: IncomingMessage): Org | null {
  const m = /^Bearer\s+(\S+)$/.exec(req.headers.authorization ?? '')
  return m ? (ctx.keys.get(m[1]!) ?? null) : null
}

// Sorting 100k calls per page would make a backfill quadratic; pages of one listing share it,
// until a call that is still changing changes (the only thing that can reorder the list).
const listCache = new WeakMap<RouteContext, { key: string; calls: EmuCall[] }[]>()
const liveCache = new WeakMap<RouteContext, { at: number; live: EmuCall[] }>()

function stateSignature(ctx: RouteContext, now: number): string {
  let cached = liveCache.get(ctx)
  if (!cached || now - cached.at > 60_000) {
    cached = { at: now, live: ctx.data.liveCalls(now - 60_000) }
    liveCache.set(ctx, cached)
  }
  return cached.live.map((c) => stateAt(c, now).updatedMs).join(',')
}

function listed(ctx: RouteContext, org: Org, q: URLSearchParams, now: number) {
  const p = parseList(q, now, (c) => wireStatus(c, now, ctx.legacy))
  const params = new URLSearchParams(q)
  params.delete('page')
  params.delete('limit')
  const key = `${org}|${params}|${stateSignature(ctx, now)}`
  const cache = listCache.get(ctx) ?? []
  let hit = cache.find((e) => e.key === key)
  if (!hit) {
    hit = { key, calls: sortCalls(ctx.data.calls.filter((c) => c.org === org && p.filter(c)), p.sortBy, p.desc, now) }
    listCache.set(ctx, [hit, ...cache].slice(0, 8))
  }
  return { p, calls: hit.calls }
}

export function expensive(q: URLSearchParams): boolean {
  return q.get('sortBy') === 'createdAt' || q.has('dateFrom') || q.has('dateTo')
}

export function listRoute(ctx: RouteContext, org: Org, q: URLSearchParams, send: Send): void {
  const now = ctx.now()
  const { p, calls } = listed(ctx, org, q, now)
  const pc = payloadContext(ctx)
  const logs = calls.slice((p.page - 1) * p.limit, p.page * p.limit).map((c) => listItem(pc, c))
  const totalPages = Math.ceil(calls.length / p.limit)
  const agents = ctx.data.agents.filter((a) => a.org === org)
  send(200, {
    status: true,
    data: {
      logs,
      pagination: { total: calls.length, page: p.page, limit: p.limit, hasMore: p.page < totalPages, ...(ctx.legacy ? {} : { totalPages }) },
      dispositionMetricsConfig: agents.flatMap((a) => a.purpose.metrics.map((m) => ({ identifier: m.identifier, type: m.type }))),
    },
  })
}

export function searchRoute(ctx: RouteContext, org: Org, body: unknown, send: Send): void {
  const ids = (body as { callIds?: unknown } | null)?.callIds
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100 || !ids.every((x) => typeof x === 'string')) {
    throw new BadRequest('Invalid input: callIds must be an array of 1 to 100 call ids')
  }
  const pc = payloadContext(ctx)
  const logs = ids.flatMap((id) => {
    const c = ctx.data.byId.get(id as string)
    return c && c.org === org ? [listItem(pc, c, 'search')] : []
  })
  send(200, { status: true, data: { logs, total: logs.length, requestedCount: ids.length } })
}

function findCall(ctx: RouteContext, org: Org, id: string): EmuCall {
  if (OBJECT_ID.test(id) || !CALL_ID.test(id)) throw new BadRequest('Invalid call ID format')
  const c = ctx.data.byId.get(id)
  if (!c || c.org !== org) throw new NotFound('Conversation not found')
  return c
}

export class NotFound extends Error {}

export function detailRoute(ctx: RouteContext, org: Org, id: string, send: Send): void {
  send(200, { status: true, data: detail(payloadContext(ctx), findCall(ctx, org, id)) })
}

const sign = (ctx: RouteContext, path: string, expires: number) => createHmac('sha256', ctx.secret).update(`${path}:${expires}`).digest('hex')

export function downloadUrlRoute(ctx: RouteContext, org: Org, id: string, send: Send): void {
  const c = findCall(ctx, org, id)
  if (!stateAt(c, ctx.now()).recordingReady) throw new NotFound('Recording not found')
  const path = `/recordings/${c.callId}/composite.wav`
  const expires = ctx.now() + ctx.urlTtlMs
  send(200, { status: true, data: { presignedUrl: `${ctx.origin}${path}?X-Amz-Expires=${Math.round(ctx.urlTtlMs / 1000)}&expires=${expires}&signature=${sign(ctx, path, expires)}` } })
}

/**
 * /recordings/<callId>/(dual|composite).wav. Unsigned URLs behave like the stable CDN links of
 * the list items (no auth); signed ones (from download-url) must be unexpired and untampered.
 */
export function recordingRoute(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const m = /^\/recordings\/(CALL-\d{13}-[0-9a-f]{6})\/(dual|composite)\.wav$/.exec(url.pathname)
  const c = m ? ctx.data.byId.get(m[1]!) : undefined
  if (!m || !c || !stateAt(c, ctx.now()).recordingReady) return void res.writeHead(404, { 'content-type': 'application/xml' }).end('<Error><Code>NoSuchKey</Code></Error>')
  const expires = url.searchParams.get('expires')
  if (expires !== null || url.searchParams.has('signature')) {
    const ok = expires !== null && url.searchParams.get('signature') === sign(ctx, url.pathname, Number(expires))
    if (!ok) return void res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code><Message>Invalid signature</Message></Error>')
    if (ctx.now() > Number(expires)) return void res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>')
  }
  const tl = ctx.data.timelineOf(c)
  const rec: Recording = { channels: m[2] === 'dual' ? 2 : 1, durationS: tl.durationS, agentChannel: c.agentChannel, turns: tl.turns }
  serveBytes(req, res, rec)
}

function serveBytes(req: IncomingMessage, res: ServerResponse, rec: Recording): void {
  const size = totalBytes(rec)
  const headers = { 'content-type': 'audio/wav', 'accept-ranges': 'bytes' }
  const range = req.headers.range
  let start = 0
  let end = size
  let status = 200
  if (range) {
    const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim())
    if (m && (m[1] || m[2])) {
      if (m[1]) {
        start = Number(m[1])
        end = m[2] ? Math.min(size, Number(m[2]) + 1) : size
      } else {
        start = Math.max(0, size - Number(m[2]))
      }
    }
    if (!m || start >= size || end <= start) {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end()
      return
    }
    status = 206
  }
  const extra = status === 206 ? { 'content-range': `bytes ${start}-${end - 1}/${size}` } : {}
  res.writeHead(status, { ...headers, ...extra, 'content-length': String(end - start) })
  if (req.method === 'HEAD') return void res.end()
  // Rendered in chunks, so a long recording streams instead of sitting whole in memory.
  const CHUNK = 256 * 1024
  let pos = start
  const pump = () => {
    while (pos < end) {
      const next = Math.min(end, pos + CHUNK)
      const ok = res.write(renderRange(rec, pos, next))
      pos = next
      if (!ok) return void res.once('drain', pump)
    }
    res.end()
  }
  pump()
}
