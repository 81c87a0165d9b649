// The player e2e tests' fixture, and what they expect, computed from the call's MediaInfo and transcript by the
// test's own arithmetic (not the renderer's), so the overlay is checked against the data.
import type { CallDetail } from '@shared/domain'
import type { MediaInfo, Segment } from '@shared/media'
import type { Emulator } from '../../src/emulator/server'
import type { Harness } from './harness'
import { syncedWorkspace } from './support'

export interface PlayerFixture {
  h: Harness
  emu: Emulator
  callId: string
  info: MediaInfo
  detail: CallDetail
}

/** The emulator (agent on the right channel), a synced cache, and the call the tests open. */
export async function startPlayerFixture(): Promise<PlayerFixture> {
  const { h, emu } = await syncedWorkspace({ calls: 120, seed: 7, agentChannel: 1 }, 'all')
  return { h, emu, ...(await pickCall(h)) }
}

/** Opens a call from the list (by searching its id) and waits for its waveform. */
export async function openCall(h: Harness, id: string): Promise<void> {
  await h.page.getByRole('searchbox', { name: 'Search calls' }).fill(id)
  await h.page.locator(`[role="row"][data-call-id="${id}"]`).click()
  await h.page.getByTestId('call-player').and(h.page.locator('[data-ready="true"]')).waitFor()
}

export async function invokeAs<T>(h: Harness, channel: string, args: unknown[]): Promise<T> {
  const r = await h.services.dispatch(channel, args)
  if (!r.ok) throw new Error(r.error.message)
  return r.value as T
}

/** Stretches where both channels speak for at least 150 ms. */
export function talkOver(m: MediaInfo): number {
  const [a = [], b = []] = m.alignment.speech
  let n = 0
  for (const x of a) for (const y of b) if (Math.min(x.endS, y.endS) - Math.max(x.startS, y.startS) >= 0.15) n++
  return n
}

/** Caller→agent hand-overs (by aligned start order) and talk-over stretches. */
export function expectedMarks(info: MediaInfo, detail: CallDetail): { latency: number; interruptions: number } {
  const role = new Map(detail.transcript.map((t) => [t.index, t.role === 'user' ? 'caller' : t.role === 'agent' ? 'agent' : 'other']))
  const turns = [...info.alignment.turns].sort((a, b) => a.startS - b.startS)
  let latency = 0
  for (let k = 1; k < turns.length; k++) {
    if (role.get(turns[k - 1]!.index) === 'caller' && role.get(turns[k]!.index) === 'agent' && turns[k]!.startS >= turns[k - 1]!.endS) latency++
  }
  return { latency, interruptions: info.alignment.method === 'dual' ? talkOver(info) : 0 }
}

/** The first silence of both channels longer than `min` seconds, between two stretches of speech. */
export function firstGap(m: MediaInfo, min: number): Segment | null {
  const all = m.alignment.speech.flat().sort((x, y) => x.startS - y.startS)
  let end = 0
  for (const s of all) {
    if (end > 0 && s.startS - end > min) return { startS: end, endS: s.startS }
    end = Math.max(end, s.endS)
  }
  return null
}

/**
 * A finished call with a dual recording, long enough for several hand-overs and a silence to
 * skip; one with talk-over when there is one, so the interruption marks are counted for real.
 */
export async function pickCall(h: Harness): Promise<{ callId: string; info: MediaInfo; detail: CallDetail }> {
  const candidates = h.services.store.query.list({ statuses: ['completed'], durationMin: 45, durationMax: 115, limit: 20 }).rows
  let best: { callId: string; info: MediaInfo } | null = null
  for (const row of candidates) {
    const m = await invokeAs<MediaInfo>(h, 'media:open', [row.id])
    if (m.recording.state !== 'ready' || m.kind !== 'dual' || !firstGap(m, 2)) continue
    if (!best || (talkOver(m) > 0 && talkOver(best.info) === 0)) best = { callId: row.id, info: m }
  }
  if (!best) throw new Error('no completed call with a dual recording in the emulator data')
  const detail = (await invokeAs<{ call: CallDetail }>(h, 'calls:get', [best.callId])).call
  return { ...best, detail }
}
