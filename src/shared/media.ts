// What the call view gets about a call's recording and how its transcript lines up with it.
// Times are seconds from the first sample of the recording.

/** A stretch of speech on one channel. */
export interface Segment {
  startS: number
  endS: number
}

/** Where one transcript turn is heard. */
export interface AlignedTurn {
  /** TranscriptTurn.index. */
  index: number
  startS: number
  endS: number
  /** 0..1: how sure the alignment is of this turn (1 = its speech was found where expected). */
  confidence: number
}

/**
 * How the alignment was made:
 * - dual: each role's turns matched to speech on its own channel;
 * - mono: turns matched to speech in the mixed recording (roles cannot be told apart by channel);
 * - timestamps: no usable recording, times come from the API's timestamps alone.
 */
export type AlignMethod = 'dual' | 'mono' | 'timestamps'

/** Where the agent channel came from. */
export type ChannelSource = 'detected' | 'call' | 'default' | 'none'

export interface Alignment {
  /** Bumped when the algorithm changes, so cached results are recomputed. */
  version: number
  method: AlignMethod
  /** The stereo channel the agent speaks on, or null without a dual recording. */
  agentChannel: 0 | 1 | null
  channelSource: ChannelSource
  /** 0..1 for the whole call; for a detected channel, how clearly it won. */
  confidence: number
  /** Recording time minus timestamp time for the agent's turns (s): recording = stamp + offset. */
  offsetS: number | null
  turns: AlignedTurn[]
  /** Speech found per recording channel (index = channel), for skip-silence and the overlay. */
  speech: Segment[][]
  /** A sentence for the user when the result is approximate, else null. */
  note: string | null
}

/** The state of a call's recording, in the words the call view shows. */
export type RecordingState =
  | { state: 'ready' }
  /** The call has no recording and will not get one (not connected, chat, …). */
  | { state: 'none'; message: string }
  /** The platform has not made the recording yet; try again later. */
  | { state: 'pending'; message: string }
  /** The download failed; retry may help. */
  | { state: 'failed'; message: string }

export interface MediaInfo {
  callId: string
  recording: RecordingState
  /** URL the renderer plays (the app's media scheme), null unless ready. */
  audioUrl: string | null
  /** URL of the cached peaks (binary, see decodePeaks), null unless ready. */
  peaksUrl: string | null
  /** 'dual' = one channel per side; 'mono' = the mixed recording only. */
  kind: 'dual' | 'mono' | null
  format: 'wav' | 'mp3' | 'unknown' | null
  channels: number | null
  durationS: number | null
  alignment: Alignment
}

/** Per-channel peaks for drawing: the largest |sample| of each bucket, 0..1. */
export interface Peaks {
  perSecond: number
  durationS: number
  channels: Float32Array[]
}

const PEAKS_MAGIC = 0x504b4531 // "PKE1"
const HEADER_BYTES = 16

/**
 * Binary peaks, as the media scheme serves them: a 16-byte header (magic, channel count, buckets
 * per second, duration in ms, all uint32 LE) then each channel's buckets as uint8 (0..255).
 * One byte per bucket is plenty for a drawing and keeps a 60-minute call's peaks ~700 kB.
 */
export function encodePeaks(p: Peaks): Uint8Array {
  const count = p.channels[0]?.length ?? 0
  const out = new Uint8Array(HEADER_BYTES + count * p.channels.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, PEAKS_MAGIC, true)
  view.setUint32(4, p.channels.length, true)
  view.setUint32(8, p.perSecond, true)
  view.setUint32(12, Math.round(p.durationS * 1000), true)
  p.channels.forEach((ch, c) => {
    const base = HEADER_BYTES + c * count
    for (let k = 0; k < count; k++) out[base + k] = Math.round(Math.min(1, Math.max(0, ch[k]!)) * 255)
  })
  return out
}

export function decodePeaks(bytes: ArrayBuffer | Uint8Array): Peaks {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength)
  if (u8.byteLength < HEADER_BYTES || view.getUint32(0, true) !== PEAKS_MAGIC) throw new Error('not a peaks file')
  const channelCount = view.getUint32(4, true)
  const perSecond = view.getUint32(8, true)
  const durationS = view.getUint32(12, true) / 1000
  const count = channelCount ? (u8.byteLength - HEADER_BYTES) / channelCount : 0
  if (!Number.isInteger(count) || channelCount > 8) throw new Error('peaks file has a bad length')
  const channels = Array.from({ length: channelCount }, (_, c) => {
    const out = new Float32Array(count)
    const base = HEADER_BYTES + c * count
    for (let k = 0; k < count; k++) out[k] = u8[base + k]! / 255
    return out
  })
  return { perSecond, durationS, channels }
}
