// Turn alignment against the emulator's recordings, whose true speech times are known: every turn
// must start within 150 ms of the truth and the agent's channel must be found, whichever channel
// it is and when the recording starts relative to the timestamps. The fallbacks (one channel, no
// recording), an override of the channel, and roles other than agent/user are checked too.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALIGN_VERSION, alignTurns, type TurnStamp } from '../../src/main/media/align'
import { analyseRecording } from '../../src/main/media/analyse'
import { startEmulator, type CallTruth, type EmulatorOptions } from '../../src/emulator/server'
import { tempDir } from '../support/tempDir'

interface Case {
  callId: string
  truth: CallTruth
  speech: ReturnType<typeof analyseRecording>['speech']
}

const dir = tempDir('earmark-align-')
afterAll(() => dir.cleanup())

const stampsOf = (truth: CallTruth): TurnStamp[] => truth.turns.map((t, index) => ({ index, role: t.role, atMs: Date.parse(t.timestampIso) }))

/** Connected calls of an emulator with their dual recordings analysed. */
async function recordedCalls(opts: EmulatorOptions, want: number): Promise<Case[]> {
  const emu = await startEmulator({ calls: 150, now: () => Date.UTC(2026, 10, 20, 12), ...opts })
  try {
    const cases: Case[] = []
    for (const callId of emu.callIds()) {
      const truth = emu.truth(callId)
      if (!truth || cases.length >= want) continue
      const res = await fetch(`http://127.0.0.1:${emu.port}/call-recordings/${callId}/dual.wav`)
      if (res.status !== 200) continue
      const file = join(dir.path, `${callId}-${opts.seed}.wav`)
      writeFileSync(file, Buffer.from(await res.arrayBuffer()))
      cases.push({ callId, truth, speech: analyseRecording(file).speech })
      if (cases.length === 1) {
        // The transcript the app reads carries the same stamps as the truth (shifted by any lag).
        const detail = (await (await fetch(`${emu.url}/conversation/${callId}`, { headers: { authorization: 'Bearer sk_test_earmark' } })).json()) as { data: { transcript: { role: string; timestamp: string }[] } }
        expect(detail.data.transcript.map((t) => [t.role, t.timestamp])).toEqual(truth.turns.map((t) => [t.role, t.timestampIso]))
      }
    }
    return cases
  } finally {
    await emu.close()
  }
}

/** Start and end errors (s) of every turn of every case, after alignment. */
function errors(cases: Case[]) {
  const starts: number[] = []
  const ends: number[] = []
  for (const c of cases) {
    const a = alignTurns(stampsOf(c.truth), c.speech)
    expect(a.method, c.callId).toBe('dual')
    expect(a.agentChannel, `${c.callId}: agent channel`).toBe(c.truth.agentChannel)
    expect(a.channelSource).toBe('detected')
    expect(a.turns).toHaveLength(c.truth.turns.length)
    c.truth.turns.forEach((t, k) => {
      const got = a.turns[k]!
      expect(got.index).toBe(k)
      expect(Math.abs(got.startS - t.startS), `${c.callId} turn ${k} (${t.role}) starts at ${got.startS}, truly ${t.startS}`).toBeLessThanOrEqual(0.15)
      starts.push(Math.abs(got.startS - t.startS))
      ends.push(Math.abs(got.endS - t.endS))
    })
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const stats = { turns: starts.length, maxStart: Math.max(...starts), meanStart: mean(starts), endsWithin300ms: ends.filter((e) => e <= 0.3).length / ends.length, maxEnd: Math.max(...ends) }
  return stats
}

describe('alignment on dual recordings', () => {
  let agent0: Case[] = []
  let agent1: Case[] = []
  let lagged: Case[] = []
  beforeAll(async () => {
    agent0 = await recordedCalls({ seed: 11, agentChannel: 0 }, 30)
    agent1 = await recordedCalls({ seed: 12, agentChannel: 1 }, 30)
    lagged = await recordedCalls({ seed: 13, agentChannel: 'mixed', recordingLagS: 4.5 }, 30)
  }, 120_000)

  it('places every turn within 150 ms when the agent is on channel 0', () => {
    expect(agent0.length).toBeGreaterThanOrEqual(20)
    errors(agent0)
  })

  it('places every turn within 150 ms when the agent is on channel 1', () => {
    expect(agent1.length).toBeGreaterThanOrEqual(20)
    errors(agent1)
  })

  it('places every turn within 150 ms when the recording starts 4.5 s after the first timestamp', () => {
    expect(lagged.length).toBeGreaterThanOrEqual(20)
    expect(new Set(lagged.map((c) => c.truth.agentChannel)).size).toBe(2)
    // The first turn's stamp is before the recording's first sample.
    expect(lagged.some((c) => Date.parse(c.truth.turns[0]!.timestampIso) < Date.parse(c.truth.recordingStartIso))).toBe(true)
    errors(lagged)
  })

  it('finds sensible ends: most within 300 ms of the truth, none wildly off', () => {
    const stats = errors([...agent0, ...agent1])
    // Ends are less sharp than starts: a turn may end on a soft syllable the detector misses.
    expect(stats.endsWithin300ms).toBeGreaterThanOrEqual(0.9)
    expect(stats.maxEnd).toBeLessThan(1.5)
  })

  it('honours an agent channel given for the call, even against the evidence', () => {
    const c = agent0[0]!
    const a = alignTurns(stampsOf(c.truth), c.speech, { agentChannel: 1 })
    expect(a).toMatchObject({ method: 'dual', agentChannel: 1, channelSource: 'call', version: ALIGN_VERSION })
    expect(alignTurns(stampsOf(c.truth), c.speech, { agentChannel: 0, channelSource: 'default' })).toMatchObject({ agentChannel: 0, channelSource: 'default' })
  })

  it('falls back to one channel: mono, no channel, a note, turns in order', () => {
    const c = agent0.find((x) => x.truth.turns.length >= 6)!
    const mixed = [...c.speech.channels[0]!, ...c.speech.channels[1]!].sort((x, y) => x.startS - y.startS)
    const a = alignTurns(stampsOf(c.truth), { durationS: c.speech.durationS, channels: [mixed] })
    expect(a).toMatchObject({ method: 'mono', agentChannel: null, channelSource: 'none' })
    expect(a.note).toMatch(/single channel/)
    expect(a.turns).toHaveLength(c.truth.turns.length)
    a.turns.forEach((t) => expect(t.endS).toBeGreaterThanOrEqual(t.startS))
    // Mostly right even so: the speech is the same, only who speaks is unknown.
    const close = a.turns.filter((t, k) => Math.abs(t.startS - c.truth.turns[k]!.startS) <= 0.3).length
    expect(close / a.turns.length).toBeGreaterThanOrEqual(0.7)
  })

  it('aligns roles other than agent and user against both channels', () => {
    const c = agent1[0]!
    const stamps = stampsOf(c.truth).map((t, k) => (k === 1 ? { ...t, role: 'system' } : t))
    const a = alignTurns(stamps, c.speech)
    expect(a.agentChannel).toBe(1)
    // It is placed on the speech no agent or user turn took, on either channel.
    expect(Math.abs(a.turns[1]!.startS - c.truth.turns[1]!.startS)).toBeLessThanOrEqual(0.15)
    const allUnknown = alignTurns(stamps.map((t) => ({ ...t, role: 'unknown' })), c.speech)
    expect(allUnknown.turns).toHaveLength(stamps.length)
  })
})

describe('alignment without a recording', () => {
  it('uses the timestamps from the first turn, with no confidence and a note', () => {
    const turns: TurnStamp[] = [
      { index: 0, role: 'agent', atMs: Date.UTC(2026, 0, 1, 9, 0, 5) },
      { index: 1, role: 'user', atMs: Date.UTC(2026, 0, 1, 9, 0, 9, 500) },
      { index: 2, role: 'bot', atMs: null },
      { index: 3, role: 'agent', atMs: Date.UTC(2026, 0, 1, 9, 0, 14) },
    ]
    const a = alignTurns(turns, null)
    expect(a).toMatchObject({ method: 'timestamps', agentChannel: null, channelSource: 'none', confidence: 0, offsetS: null, speech: [] })
    expect(a.note).toMatch(/no recording/i)
    expect(a.turns.map((t) => t.startS)).toEqual([0, 4.5, 4.5, 9])
    expect(a.turns.every((t) => t.confidence === 0 && t.endS >= t.startS)).toBe(true)
    expect(alignTurns([], null).turns).toEqual([])
  })

  it('does not crash on a recording without speech or a transcript without stamps', () => {
    const turns: TurnStamp[] = [
      { index: 0, role: 'agent', atMs: 1000 },
      { index: 1, role: 'user', atMs: 3000 },
    ]
    const silent = alignTurns(turns, { durationS: 10, channels: [[], []] })
    expect(silent.method).toBe('dual')
    expect(silent.note).toMatch(/no speech/i)
    expect(silent.turns).toHaveLength(2)
    const unstamped = alignTurns(turns.map((t) => ({ ...t, atMs: null })), { durationS: 10, channels: [[{ startS: 1, endS: 2 }], []] })
    expect(unstamped.method).toBe('timestamps')
  })
})
