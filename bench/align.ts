// Recording analysis and turn alignment speed: a 10-minute stereo 16 kHz call (the emulator's
// synthetic voices, written to a temporary WAV) analysed and aligned as the call view does, and
// the alignment alone of a 60-minute call with ~800 turns and ~2000 speech segments per channel.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Segment } from '@shared/media'
import { alignTurns, type TurnStamp } from '../src/main/media/align'
import { analyseRecording } from '../src/main/media/analyse'
import { mulberry32 } from '../src/emulator/random'
import type { VoicedTurn } from '../src/emulator/wav'
import { writeWav } from './longCall'
import { percentile, time } from './stats'

const RUNS = 5

/** Alternating turns over `durationS`, stamped like the platform: agent at start, caller after its end. */
function conversation(durationS: number, seed: number): { turns: VoicedTurn[]; stamps: TurnStamp[] } {
  const r = mulberry32(seed)
  const turns: VoicedTurn[] = []
  const stamps: TurnStamp[] = []
  const clock0 = Date.UTC(2026, 0, 5, 10)
  for (let t = 1, k = 0; ; k++) {
    const role = k % 2 === 0 || r() < 0.1 ? 'agent' : 'user'
    const len = 1 + r() * 5
    if (t + len > durationS - 1) break
    turns.push({ role, startS: t, endS: t + len })
    const stampS = role === 'agent' ? t : t + len + 0.2 + r() * 0.4
    stamps.push({ index: k, role, atMs: clock0 + Math.round(stampS * 1000) })
    t += len + 0.5 + r() * 1.5
  }
  return { turns, stamps }
}

/** Speech of a 60-minute call straight from its turns, each split in 4-6 segments by pauses. */
function speechOf(turns: VoicedTurn[], durationS: number): { durationS: number; channels: Segment[][] } {
  const channels: Segment[][] = [[], []]
  turns.forEach((t, k) => {
    const parts = 4 + (k % 3)
    const step = (t.endS - t.startS) / parts
    for (let p = 0; p < parts; p++) channels[t.role === 'agent' ? 0 : 1]!.push({ startS: t.startS + p * step, endS: t.startS + (p + 1) * step - (p < parts - 1 ? 0.15 : 0) })
  })
  return { durationS, channels }
}

export function benchAlign(): Promise<{ align_10min_ms: number; analyse_10min_ms: number; align_60min_ms?: number }> {
  const root = mkdtempSync(join(tmpdir(), 'earmark-bench-align-'))
  try {
    const { turns, stamps } = conversation(600, 7)
    const file = join(root, 'call.wav')
    writeWav(file, { channels: 2, durationS: 600, agentChannel: 0, turns, agentF0: 120, userF0: 190, key: 3 })
    const analyse: number[] = []
    const total: number[] = []
    for (let k = 0; k < RUNS; k++) {
      const [speech, analyseMs] = time(() => analyseRecording(file).speech)
      const [, alignMs] = time(() => alignTurns(stamps, speech))
      analyse.push(analyseMs)
      total.push(analyseMs + alignMs)
    }
    const long = conversation(3600, 11)
    const longSpeech = speechOf(long.turns, 3600)
    alignTurns(long.stamps, longSpeech) // warm-up: the first call pays for compiling the code
    const align60 = Array.from({ length: RUNS }, () => time(() => alignTurns(long.stamps, longSpeech))[1])
    return Promise.resolve({ align_10min_ms: percentile(total, 50), analyse_10min_ms: percentile(analyse, 50), align_60min_ms: percentile(align60, 50) })
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}
