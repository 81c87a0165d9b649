// What the call view needs to play a call: the recording on disk (downloaded on demand), its
// waveform peaks (computed once, cached) and the transcript's alignment to it (cached, recomputed
// when the algorithm or the reviewer's channel choice changes). Recording failures become
// states the view explains in words; they are not thrown.
import { createHash } from 'node:crypto'
import { AppError } from '@shared/errors'
import { FINISHED_STATUSES, type CallDetail, type CallSummary } from '@shared/domain'
import { encodePeaks, type Alignment, type MediaInfo, type RecordingState } from '@shared/media'
import type { Settings } from '@shared/settings'
import { logger } from '../log'
import type { Store } from '../store/store'
import { ALIGN_VERSION, alignTurns, type TurnStamp } from './align'
import { analyseRecordingAsync } from './analyse'
import { assertCallId } from './callId'
import type { LocalRecording, RecordingService } from './recordings.service'

const log = logger('media')

/** How the renderer reaches a call's files: the app's media scheme, or the e2e harness's route. */
export interface MediaUrls {
  audio(callId: string, kind: 'dual' | 'mono'): string
  peaks(callId: string, kind: 'dual' | 'mono'): string
}

export interface MediaDeps {
  store: Store
  /** Downloads (with the current API client). */
  recordings: () => RecordingService
  /** What is already on disk, which needs no client: the media scheme asks for it on every byte range. */
  onDisk: RecordingService
  settings: () => Settings
  urls: MediaUrls
  /** Fetches a call's transcript when it is not cached (the call view asks for both at once). */
  fetchDetail?: (callId: string) => Promise<void>
}

/** The channel choice an alignment must honour: a per-call override, a default, or detection. */
interface ChannelWant {
  agentChannel?: 0 | 1
  channelSource?: 'call' | 'default'
}

/** A call finished within this long may still be waiting for its recording. */
const RECORDING_GRACE_MS = 60 * 60 * 1000

export function turnStamps(call: CallSummary | CallDetail): TurnStamp[] {
  if (!('transcript' in call)) return []
  return call.transcript.map((t) => {
    const at = t.at ? Date.parse(t.at) : Number.NaN
    return { index: t.index, role: t.role, atMs: Number.isFinite(at) ? at : t.offsetMs }
  })
}

export class MediaService {
  private readonly inFlight = new Map<string, Promise<LocalRecording | RecordingState>>()
  private readonly analysing = new Map<string, Promise<{ durationS: number; channels: Alignment['speech'] } | null>>()

  constructor(private readonly deps: MediaDeps) {}

  async open(callId: string): Promise<MediaInfo> {
    let call = this.call(callId)
    const [got] = await Promise.all([this.recording(call), 'transcript' in call ? null : this.detail(callId)])
    if (!('transcript' in call)) call = this.call(callId)
    const stamps = turnStamps(call)
    if (!('file' in got)) {
      return { callId, recording: got, audioUrl: null, peaksUrl: null, kind: null, format: null, channels: null, durationS: null, alignment: await this.align(callId, stamps, null) }
    }
    const alignment = await this.align(callId, stamps, got)
    return {
      callId,
      recording: { state: 'ready' },
      audioUrl: this.deps.urls.audio(callId, got.kind),
      peaksUrl: this.deps.store.media.hasPeaks(callId, got.kind) ? this.deps.urls.peaks(callId, got.kind) : null,
      kind: got.kind,
      format: got.format,
      channels: got.channels,
      durationS: got.durationS,
      alignment,
    }
  }

  /** Records the reviewer's choice for one call and realigns with it. */
  async setAgentChannel(callId: string, channel: 0 | 1 | 'auto'): Promise<Alignment> {
    const call = this.call(callId)
    this.deps.store.callPrefs.setAgentChannel(callId, channel === 'auto' ? null : channel)
    const local = this.local(callId)
    return await this.align(callId, turnStamps(call), local)
  }

  /** The local file of a call's recording for the media scheme, or null when not downloaded. */
  local(callId: string, kind?: 'dual' | 'mono'): LocalRecording | null {
    assertCallId(callId)
    const disk = this.deps.onDisk
    if (kind) return disk.local(callId, kind)
    return disk.local(callId, 'dual') ?? disk.local(callId, 'mono')
  }

  peaks(callId: string, kind: 'dual' | 'mono'): Uint8Array | null {
    assertCallId(callId)
    return this.deps.store.media.peaks(callId, kind)
  }

  /** Best effort: without a transcript the alignment has no turns, and the view says why. */
  private async detail(callId: string): Promise<void> {
    try {
      await this.deps.fetchDetail?.(callId)
    } catch (err) {
      log.info(`no transcript for ${callId} yet: ${err instanceof Error ? err.message : String(err)}`)
    }
  }

  private call(callId: string): CallSummary | CallDetail {
    assertCallId(callId)
    const found = this.deps.store.query.get(callId)
    if (!found) throw new AppError('NOT_FOUND', `Call ${callId} is not in the local cache.`)
    return found.call
  }

  private want(callId: string): ChannelWant {
    const mine = this.deps.store.callPrefs.agentChannel(callId)
    if (mine !== null) return { agentChannel: mine, channelSource: 'call' }
    const fixed = this.deps.settings().agentChannel
    return fixed === 'auto' ? {} : { agentChannel: fixed === '0' ? 0 : 1, channelSource: 'default' }
  }

  /**
   * The cached alignment when it still answers the same question (same turn stamps, same file,
   * same channel choice), else a fresh one. A WAV whose peaks are missing (a file downloaded
   * again, or by an older Earmark) is analysed again even when its alignment is cached.
   */
  private async align(callId: string, stamps: TurnStamp[], local: LocalRecording | null): Promise<Alignment> {
    const want = this.want(callId)
    const key = inputKey(stamps, local)
    const cached = this.deps.store.media.alignment(callId, ALIGN_VERSION)
    const same = cached?.inputKey === key
    const needsPeaks = local?.format === 'wav' && !this.deps.store.media.hasPeaks(callId, local.kind)
    if (cached && same && !needsPeaks && honours(cached.alignment, want)) return cached.alignment
    if (!local) return alignTurns(stamps, null, want)
    // The speech found last time is still good when only the channel choice changed.
    const speech = same && !needsPeaks ? { durationS: local.durationS ?? 0, channels: cached!.alignment.speech } : await this.analyse(local)
    const alignment = alignTurns(stamps, speech, want)
    if (!speech) alignment.note = `Earmark could not measure speech in this ${local.format.toUpperCase()} recording, so turn times come from the API's timestamps.`
    this.deps.store.media.saveAlignment(callId, alignment, key)
    return alignment
  }

  /** Peaks and speech in one read of the file; the peaks are cached on the way. Null when main cannot read it. */
  private analyse(local: LocalRecording): Promise<{ durationS: number; channels: Alignment['speech'] } | null> {
    // Two opens of one call (the view and the CLI's peers in this process) share one read.
    const key = `${local.callId}/${local.kind}`
    const running = this.analysing.get(key)
    if (running) return running
    const next = this.analyseOnce(local).finally(() => this.analysing.delete(key))
    this.analysing.set(key, next)
    return next
  }

  private async analyseOnce(local: LocalRecording): Promise<{ durationS: number; channels: Alignment['speech'] } | null> {
    if (local.format !== 'wav') {
      log.info(`recording of ${local.callId} is ${local.format}: no peaks or speech analysis in main`)
      return null
    }
    const started = performance.now()
    try {
      const { peaks, speech } = await analyseRecordingAsync(local.file, { peaksPerSecond: peaksRate(local.durationS) })
      this.deps.store.media.savePeaks(local.callId, local.kind, encodePeaks(peaks))
      log.info(`analysed ${local.callId} (${Math.round(speech.durationS)} s of audio) in ${Math.round(performance.now() - started)} ms`)
      return speech
    } catch (err) {
      // A WAV this reader does not decode (μ-law, truncated): the player still plays it.
      log.warn(`recording of ${local.callId} not analysed: ${err instanceof Error ? err.message : String(err)}`)
      return null
    }
  }

  /** The recording on disk, or the state explaining why there is none. One download per call at a time. */
  private recording(call: CallSummary): Promise<LocalRecording | RecordingState> {
    const have = this.local(call.id)
    if (have) {
      // A file downloaded before peaks existed (or by the CLI) is analysed on first open.
      return Promise.resolve(have)
    }
    const running = this.inFlight.get(call.id)
    if (running) return running
    const next = this.download(call).finally(() => this.inFlight.delete(call.id))
    this.inFlight.set(call.id, next)
    return next
  }

  private async download(call: CallSummary): Promise<LocalRecording | RecordingState> {
    const hasLink = Boolean(call.recordingUrl || call.recordingDualUrl)
    if (call.type === 'chat') return { state: 'none', message: 'This is a chat conversation: there is no audio.' }
    if (!hasLink && FINISHED_STATUSES.includes(call.status) && call.durationS === 0) {
      return { state: 'none', message: 'There is no recording: the call was never connected.' }
    }
    try {
      return await this.deps.recordings().ensure(call.id, 'dual')
    } catch (err) {
      const e = err instanceof AppError ? err : null
      if (e?.code === 'NOT_FOUND') return notYet(call)
      const message = e ? e.message : 'The recording could not be downloaded.'
      log.warn(`recording of ${call.id} not downloaded: ${message}`)
      return { state: 'failed', message }
    }
  }
}

/**
 * Peak buckets per second: 100 (10 ms, enough for word-level zoom) up to 25 minutes, then fewer so
 * a lane never holds more than ~150k (a 60-minute call: 41/s). The view draws every bucket when it
 * opens; a long call's 360k per lane cost it more than the whole open of a 10-minute call.
 */
function peaksRate(durationS: number | null): number {
  return Math.max(20, Math.min(100, Math.floor(150_000 / Math.max(1, durationS ?? 0))))
}

/** What an alignment is computed from: the turns' stamps and the file. */
function inputKey(stamps: TurnStamp[], local: LocalRecording | null): string {
  const file = local ? `${local.kind}:${local.format}:${local.bytes}` : 'none'
  return createHash('sha1').update(JSON.stringify(stamps)).update(file).digest('hex')
}

function honours(a: Alignment, want: ChannelWant): boolean {
  if (a.method !== 'dual') return true
  if (!want.channelSource) return a.channelSource === 'detected'
  return a.channelSource === want.channelSource && a.agentChannel === want.agentChannel
}

/** The platform has no recording for this call: not yet, or never. */
function notYet(call: CallSummary): RecordingState {
  if (!FINISHED_STATUSES.includes(call.status)) return { state: 'pending', message: 'The call is still going on; its recording comes after it ends.' }
  const changed = Date.parse(call.updatedAt ?? call.createdAt)
  if (Date.now() - changed < RECORDING_GRACE_MS) return { state: 'pending', message: 'The platform has not made the recording yet. Try again in a minute.' }
  return { state: 'none', message: 'The platform has no recording for this call.' }
}
