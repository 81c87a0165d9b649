// The call-log routes under /atoms/v1 (atoms-api.md §4-§8): list (E1), search (E2), detail (E3),
// presigned recording URL (E4) and retry family (E5). Org isolation as documented: another org's
// call is "not found" on E3/E4, silently left out by E2, and 403 on E5; a call created after the
// current emulator instant does not exist yet.
import type { Org } from './agents'
import type { Dataset, EmuCall } from './dataset'
import { detail } from './detail'
import { existsAt } from './lifecycle'
import type { Listings } from './listings'
import { HttpError } from './httpError'
import { parseList } from './listQuery'
import { callItem, dispositionConfig, type PayloadContext } from './payloads'
import { presignedUrl, type RecordingContext } from './recordings'

export interface ApiContext {
  data: Dataset
  listings: Listings
  now: () => number
  legacy: boolean
  recordings: RecordingContext
}

export type Send = (status: number, body: unknown) => void

const OBJECT_ID = /^[0-9a-f]{24}$/i

const payloadContext = (ctx: ApiContext): PayloadContext => ({ data: ctx.data, now: ctx.now(), legacy: ctx.legacy, origin: ctx.recordings.origin })

/** A call of `org` by callId: an _id is a format error (as E4 documents), anything else unknown is 404. */
function findCall(ctx: ApiContext, org: Org, id: string, otherOrg: 'hide' | 'forbid' = 'hide'): EmuCall {
  if (OBJECT_ID.test(id)) throw new HttpError(400, 'Invalid call ID format')
  const c = ctx.data.byId.get(id)
  if (!c || !existsAt(c, ctx.now())) throw new HttpError(404, 'Conversation not found')
  if (c.org !== org) throw otherOrg === 'forbid' ? new HttpError(403, 'You do not have access to this conversation') : new HttpError(404, 'Conversation not found')
  return c
}

export function listRoute(ctx: ApiContext, org: Org, q: URLSearchParams, send: Send): void {
  const now = ctx.now()
  const p = parseList(q, now, ctx.legacy)
  const calls = ctx.listings.get(org, p, now)
  const pc = payloadContext(ctx)
  const logs = calls.slice((p.page - 1) * p.limit, p.page * p.limit).map((c) => callItem(pc, c, 'list'))
  const totalPages = Math.ceil(calls.length / p.limit)
  const configs = new Map(ctx.data.agents.filter((a) => a.org === org).flatMap((a) => dispositionConfig(a).map((m) => [m.identifier, m] as const)))
  send(200, {
    status: true,
    data: {
      logs,
      pagination: { total: calls.length, page: p.page, limit: p.limit, hasMore: p.page < totalPages, ...(ctx.legacy ? {} : { totalPages }) },
      dispositionMetricsConfig: [...configs.values()],
    },
  })
}

export function searchRoute(ctx: ApiContext, org: Org, body: unknown, send: Send): void {
  const ids = (body as { callIds?: unknown } | null)?.callIds
  if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100 || !ids.every((x) => typeof x === 'string')) {
    throw new HttpError(400, 'Invalid input: callIds must be an array of 1 to 100 call ids')
  }
  const pc = payloadContext(ctx)
  // Found calls in the order asked, each once (the store's $in would not repeat one).
  const found = [...new Set(ids as string[])].flatMap((id) => {
    const c = ctx.data.byId.get(id)
    return c && c.org === org && existsAt(c, pc.now) ? [callItem(pc, c, 'search')] : []
  })
  send(200, { status: true, data: { logs: found, total: found.length, requestedCount: ids.length } })
}

export function detailRoute(ctx: ApiContext, org: Org, id: string, send: Send): void {
  send(200, { status: true, data: detail(payloadContext(ctx), findCall(ctx, org, id)) })
}

export function downloadUrlRoute(ctx: ApiContext, org: Org, id: string, send: Send): void {
  const c = findCall(ctx, org, id)
  if (ctx.now() < c.recordingMs) throw new HttpError(404, 'Recording not found for this conversation')
  send(200, { status: true, data: { presignedUrl: presignedUrl(ctx.recordings, c) } })
}

export function retriesRoute(ctx: ApiContext, org: Org, id: string, send: Send): void {
  const c = findCall(ctx, org, id, 'forbid')
  const root = c.root ?? c
  const pc = payloadContext(ctx)
  const family = [root, ...root.retries].filter((x) => existsAt(x, pc.now))
  send(200, { status: true, data: { retries: family.map((x) => callItem(pc, x, 'list')) } })
}
