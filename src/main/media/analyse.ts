// Everything the call view needs from a recording's samples, in one pass over the file: the
// waveform peaks it draws and the speech per channel that the alignment and skip-silence use.
// Reading a 230 MB file dominates, so it is read once, in chunks.
import type { Peaks, Segment } from '@shared/media'
import { ChannelVad } from './vad'
import { streamWav, wavChunks, type WavFormat } from './wavPcm'

export interface RecordingAnalysis {
  peaks: Peaks
  speech: { durationS: number; channels: Segment[][] }
}

/** Per-channel max |sample| per bucket, fed chunk by chunk; buckets are a whole number of samples. */
class PeakMeter {
  private out: Float32Array
  private bucket = 0
  private inBucket = 0
  private max = 0

  constructor(
    private readonly samplesPerBucket: number,
    expectedBuckets: number,
  ) {
    this.out = new Float32Array(expectedBuckets)
  }

  feed(samples: Float32Array): void {
    let { max, inBucket } = this
    const per = this.samplesPerBucket
    for (let k = 0; k < samples.length; k++) {
      const s = samples[k]!
      const a = s < 0 ? -s : s
      if (a > max) max = a
      if (++inBucket === per) {
        this.store(max)
        max = 0
        inBucket = 0
      }
    }
    this.max = max
    this.inBucket = inBucket
  }

  private store(v: number): void {
    if (this.bucket < this.out.length) this.out[this.bucket++] = Math.min(1, v)
  }

  finish(): Float32Array {
    if (this.inBucket > 0) this.store(this.max)
    return this.out.subarray(0, this.bucket)
  }
}

/** Feeds every channel's blocks to its peak meter and speech detector. */
function analyser(perSecond: number) {
  let meters: PeakMeter[] = []
  let vads: ChannelVad[] = []
  return {
    onFormat: (f: WavFormat) => {
      const samplesPerBucket = Math.max(1, Math.round(f.sampleRate / perSecond))
      const buckets = Math.ceil(f.frames / samplesPerBucket)
      meters = Array.from({ length: f.channels }, () => new PeakMeter(samplesPerBucket, buckets))
      vads = Array.from({ length: f.channels }, () => new ChannelVad(f.sampleRate))
    },
    feed: (channels: Float32Array[]) => {
      for (let c = 0; c < channels.length; c++) {
        meters[c]!.feed(channels[c]!)
        vads[c]!.feed(channels[c]!)
      }
    },
    finish: (format: WavFormat): RecordingAnalysis => {
      const durationS = format.frames / format.sampleRate
      return {
        peaks: { perSecond, durationS, channels: meters.map((m) => m.finish()) },
        // The two sides of a dual recording are judged together, so one's echo in the other is not speech.
        speech: { durationS, channels: vads.map((v, c) => v.finish(vads.length === 2 ? vads[1 - c] : undefined)) },
      }
    },
  }
}

const bucketsPerSecond = (opts: { peaksPerSecond?: number }) => Math.max(1, Math.round(opts.peaksPerSecond ?? 100))

export function analyseRecording(file: string, opts: { peaksPerSecond?: number } = {}): RecordingAnalysis {
  const a = analyser(bucketsPerSecond(opts))
  return a.finish(streamWav(file, a.feed, { onFormat: a.onFormat }))
}

/**
 * The same, giving the event loop a turn after every block (~4 s of audio): in the app's main
 * process a 60-minute recording takes a second or two to read, and IPC, the media protocol and
 * sync must not stall behind it.
 */
export async function analyseRecordingAsync(file: string, opts: { peaksPerSecond?: number } = {}): Promise<RecordingAnalysis> {
  const a = analyser(bucketsPerSecond(opts))
  const chunks = wavChunks(file, { onFormat: a.onFormat })
  for (let step = chunks.next(); ; step = chunks.next()) {
    if (step.done) return a.finish(step.value)
    a.feed(step.value)
    await new Promise((resolve) => setImmediate(resolve))
  }
}
