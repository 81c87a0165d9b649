// A call's state at an instant of emulator time. Every call has a fixed future (dataset.ts):
// queued → in progress → its final status; then its recording appears (a few seconds later),
// then its analytics and latency metrics (later still); an unanswered call may be retried, which
// updates it. Each change bumps updatedAt, so the call rises to the top of the default sort.
import type { EmuCall } from './dataset'

export type Phase = 'in_queue' | 'in_progress' | 'finished'

export interface CallState {
  phase: Phase
  /** Internal status: busy stays busy here; the wire decides how to name it. */
  status: string
  recordingReady: boolean
  analyticsReady: boolean
  updatedMs: number
  /** Retries created so far (root calls only: the documented meaning of retryCount). */
  retryCount: number
  retryCallId: string | null
}

/** A call exists from its creation on: calls created after start arrive later. */
export const existsAt = (c: EmuCall, now: number) => c.createdMs <= now

/** The retry attempts of a call that update it: all of a root's, or just the next one. */
const updatingRetries = (c: EmuCall) => (c.retryAttempt === 0 ? c.retries : c.next ? [c.next] : [])

export function updatedMsAt(c: EmuCall, now: number): number {
  if (now >= c.settledMs) return c.settledMs
  let updated = c.createdMs
  for (const m of [c.dialMs, c.endMs, c.recordingMs, c.analyticsMs]) if (m <= now && m > updated) updated = m
  for (const r of updatingRetries(c)) if (r.createdMs <= now && r.createdMs > updated) updated = r.createdMs
  return updated
}

export const phaseAt = (c: EmuCall, now: number): Phase => (now < c.dialMs ? 'in_queue' : now < c.endMs ? 'in_progress' : 'finished')

/** The cheap parts of the state, for filtering and sorting every call of a listing. */
export function statusAt(c: EmuCall, now: number): string {
  const phase = phaseAt(c, now)
  return phase === 'finished' ? c.finalStatus : phase
}
export const durationAt = (c: EmuCall, now: number) => (now >= c.endMs ? c.durationS : 0)
export const reasonAt = (c: EmuCall, now: number) => (now >= c.endMs ? c.reason : null)
export const avgLatencyAt = (c: EmuCall, now: number) => (now >= c.analyticsMs ? c.avgLatencyMs : null)

export function stateAt(c: EmuCall, now: number): CallState {
  const phase = phaseAt(c, now)
  const retries = c.retryAttempt === 0 ? c.retries.filter((r) => r.createdMs <= now) : []
  return {
    phase,
    status: statusAt(c, now),
    recordingReady: now >= c.recordingMs,
    analyticsReady: now >= c.analyticsMs,
    updatedMs: updatedMsAt(c, now),
    retryCount: retries.length,
    retryCallId: c.next && c.next.createdMs <= now ? c.next.callId : null,
  }
}

/** The status as sent: the current API has no "busy" (it reports no_answer); the old one did. */
export const wireStatus = (status: string, legacy: boolean) => (!legacy && status === 'busy' ? 'no_answer' : status)

/** The type as sent: the old API called web calls "chat". */
export const wireType = (type: string, legacy: boolean) => (legacy && type === 'webcall' ? 'chat' : type)

/**
 * A number that changes whenever any call changes (or arrives): the count of passed milestones
 * of the calls that still change after start. The milestones passed by an earlier instant are a
 * subset of those passed by a later one, so equal counts mean equal states: a cached listing
 * stays valid while the count is unchanged.
 */
export function changeStamp(changing: EmuCall[], now: number): number {
  let n = 0
  for (const c of changing) {
    for (const m of [c.createdMs, c.dialMs, c.endMs, c.recordingMs, c.analyticsMs]) if (m <= now) n++
    for (const r of updatingRetries(c)) if (r.createdMs <= now) n++
  }
  return n
}
