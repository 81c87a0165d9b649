// The JSON of a call as the list (§4.2) and search (§5.2) endpoints send it, at an instant: what
// exists only once the call has ended (duration, reason, cost), once its recording is stored
// (the URLs, "" before) or once analytics ran (postCallAnalytics, turnLatencyMetrics, the
// disposition map) is left out or empty until then. A few undocumented fields ride along
// (agentName, updatedAt, campaignId, telephonyProvider, region), as the live service adds fields
// over time and clients must ignore what they do not know. legacy.ts rewrites this into old shapes.
import type { Agent } from './agents'
import { dispositions, latencyMetrics, summary } from './analytics'
import type { Dataset, EmuCall } from './dataset'
import { legacyItem } from './legacy'
import { stateAt, wireStatus, wireType, type CallState } from './lifecycle'

export interface PayloadContext {
  data: Dataset
  now: number
  legacy: boolean
  /** Origin of the stable recording links, e.g. http://127.0.0.1:4010 */
  origin: string
}

/** list: the E1 item; search: E1 minus the fields search does not enrich; detail: the base of E3. */
export type ItemShape = 'list' | 'search' | 'detail'

export const iso = (ms: number) => new Date(ms).toISOString()

/** The stable, unauthenticated recording links (like CloudFront URLs): see recordings.ts. */
export const recordingPath = (callId: string, file: 'composite' | 'dual') => `/call-recordings/${callId}/${file}.wav`

export const dispositionConfig = (agent: Agent) => agent.purpose.metrics.map((m) => ({ identifier: m.identifier, type: m.type }))

export function callItem(ctx: PayloadContext, c: EmuCall, shape: ItemShape, state: CallState = stateAt(c, ctx.now)): Record<string, unknown> {
  const finished = state.phase === 'finished'
  const link = (file: 'composite' | 'dual') => (state.recordingReady ? ctx.origin + recordingPath(c.callId, file) : '')
  const item: Record<string, unknown> = {
    _id: c.dbId,
    callId: c.callId,
    status: wireStatus(state.status, ctx.legacy),
    duration: finished ? c.durationS : 0,
    from: c.from,
    to: c.to,
    type: wireType(c.type, ctx.legacy),
    agentId: c.agent.id,
    recordingUrl: link('composite'),
    recordingDualUrl: link('dual'),
    ...(finished && c.reason ? { disconnectionReason: c.reason } : {}),
    retryCount: state.retryCount,
    ...(state.retryCallId ? { retryCallId: state.retryCallId } : {}),
    retryAttemptNumber: c.retryAttempt,
    createdAt: iso(c.createdMs),
    ...(finished && c.failureReason ? { callFailureReason: c.failureReason } : {}),
    callCost: finished ? c.cost : 0,
    versionId: c.version.id,
    isTest: c.isTest,
    campaignId: c.campaignId,
    updatedAt: iso(state.updatedMs),
    agentName: c.agent.name,
    telephonyProvider: c.type === 'webcall' ? null : 'plivo',
    region: 'ap-south-1',
  }
  const tl = state.analyticsReady ? ctx.data.timelineOf(c) : null
  const results = tl ? dispositions(ctx.data.opts.seed, c, tl) : []
  if (shape === 'list') {
    item.dispositionMetrics = Object.fromEntries(results.map((m) => [m.identifier, m.value]))
    item.agentDispositionConfig = dispositionConfig(c.agent)
    item.versionNumber = c.version.number
  }
  if (tl) {
    item.postCallAnalytics = { summary: summary(c, tl, results), dispositionMetrics: results }
    item.turnLatencyMetrics = latencyMetrics(c, tl)
  }
  return ctx.legacy ? legacyItem(item, c) : item
}
