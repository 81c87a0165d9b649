// A long cached call for the call-view and alignment figures: an N-minute dual recording (the
// emulator's synthetic speech, written to the recordings folder in pieces, never whole in memory)
// and its transcript with timestamps, stored as sync would store them.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { CallDetail } from '@shared/domain'
import { mulberry32 } from '../src/emulator/random'
import { renderRange, wavSize, type Recording, type VoicedTurn } from '../src/emulator/wav'
import type { Store } from '../src/main/store/store'

const WORDS = 'the delivery is booked for thursday morning and the driver will call before arriving please confirm your address and a time that suits you'.split(' ')

export interface LongCall {
  callId: string
  turns: VoicedTurn[]
}

/** Alternating turns of 1.5–9 s with 0.3–2 s between them, and a long hold now and then. */
function dialogue(minutes: number, seed: number): VoicedTurn[] {
  const r = mulberry32(seed)
  const turns: VoicedTurn[] = []
  let t = 1 + r()
  for (let k = 0; t < minutes * 60 - 12; k++) {
    const length = 1.5 + r() * 7.5
    turns.push({ role: k % 2 ? 'user' : 'agent', startS: t, endS: t + length })
    t += length + 0.3 + r() * 1.7 + (r() < 0.02 ? 20 + r() * 40 : 0)
  }
  return turns
}

/** Writes the recording as a WAV file in 4 MB pieces (a 60-minute one is never whole in memory); returns its size. */
export function writeWav(file: string, rec: Recording): number {
  const size = wavSize(rec)
  const fd = openSync(file, 'w')
  try {
    for (let at = 0; at < size; at += 4 << 20) writeSync(fd, renderRange(rec, at, Math.min(size, at + (4 << 20))))
  } finally {
    closeSync(fd)
  }
  return size
}

export function writeLongCall(store: Store, recordingsDir: string, minutes: number, seed = 1): LongCall {
  const turns = dialogue(minutes, seed)
  const created = Date.UTC(2026, 10, 1, 9) + seed * 1000
  const callId = `CALL-${created}-${(0xbe00 + minutes).toString(16)}`
  const rec: Recording = { channels: 2, durationS: minutes * 60, agentChannel: 1, turns, agentF0: 120, userF0: 190, key: seed }
  const folder = join(recordingsDir, callId)
  mkdirSync(folder, { recursive: true })
  const size = writeWav(join(folder, 'dual.wav'), rec)

  const r = mulberry32(seed + 99)
  const iso = (s: number) => new Date(created + s * 1000).toISOString()
  const call: CallDetail = {
    id: callId, dbId: null, status: 'completed', type: 'telephony_outbound', durationS: minutes * 60,
    from: '+14155550100', to: '+14155550199', agentId: 'a'.repeat(24), agentName: 'Long Call Agent', campaignId: null,
    createdAt: iso(0), updatedAt: iso(minutes * 60), disconnectReason: 'user_hangup', failureReason: null, costCredits: minutes * 2,
    recordingUrl: null, recordingDualUrl: null, retryCount: 0, retryAttemptNumber: 0, retryCallId: null, isTest: false,
    versionId: null, versionNumber: null, dispositions: {}, summary: `A ${minutes}-minute call for the benchmark.`,
    dispositionResults: [], latency: null,
    transcript: turns.map((t, index) => ({
      index,
      role: t.role,
      text: Array.from({ length: Math.max(3, Math.round((t.endS - t.startS) * 2.5)) }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' '),
      // Agent turns stamped when speech starts, caller turns when the transcription was final.
      at: iso(t.role === 'agent' ? t.startS : t.endS + 0.4),
      offsetMs: null,
    })),
    events: [], variables: {}, agent: null, voice: null, slmModel: null,
  }
  store.calls.saveDetails([{ call, raw: { callId } }])
  store.cache
    .prepare("INSERT OR REPLACE INTO recordings (call_id, kind, file, bytes, format, channels, sample_rate, duration_s, fetched_ms) VALUES (?, 'dual', ?, ?, 'wav', 2, 16000, ?, ?)")
    .run(callId, join(callId, 'dual.wav'), size, rec.durationS, Date.now())
  return { callId, turns }
}
