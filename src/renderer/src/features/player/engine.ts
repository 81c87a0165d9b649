// One call's playback engine: the <audio> element, wavesurfer drawing the cached peaks (no
// decoding), the Web Audio graph for solo, and skip-silence. Imperative on purpose: React
// components drive it through commands and read {ready, playing} with useSyncExternalStore.
import WaveSurfer from 'wavesurfer.js'
import type { GenericPlugin } from 'wavesurfer.js/dist/base-plugin.js'
import type { Peaks, Segment } from '@shared/media'
import { AudioGraph } from './audioGraph'
import { Clock } from './clock'
import { silenceJump, speechUnion } from './timing'

export const LANE_HEIGHT = 56
const SILENCE_GAP_S = 1.5
const COLORS = { agent: ['#5aa9ff', '#2d5f99'], caller: ['#f0a35e', '#8f5c2f'], mixed: ['#9aa7b8', '#5b6573'] }

/** What the engine is built from; the alignment may change later (setSpeech, lane colours). */
export interface EngineSource {
  audioUrl: string
  durationS: number | null
  agentChannel: 0 | 1 | null
  speech: Segment[][]
}

export interface EngineState {
  ready: boolean
  playing: boolean
  error: string | null
}

/** Lane colours: the agent's channel blue, the caller's orange (mono: one grey lane). */
function laneOptions(channels: number, agentChannel: 0 | 1 | null) {
  return Array.from({ length: channels }, (_, c) => {
    const [wave, progress] = agentChannel === null ? COLORS.mixed : c === agentChannel ? COLORS.agent : COLORS.caller
    return { waveColor: progress, progressColor: wave, height: LANE_HEIGHT }
  })
}

export class Engine {
  readonly clock = new Clock()
  readonly audio: HTMLAudioElement
  readonly ws: WaveSurfer
  readonly graph: AudioGraph
  private skipOn = false
  private agentChannel: 0 | 1 | null
  private follow = true
  lastSkip: { from: number; to: number } | null = null
  private union: Segment[] = []
  private unionStarts: number[] = []
  private state: EngineState = { ready: false, playing: false, error: null }
  private readonly subs = new Set<() => void>()

  /** `peaks` null: no cached peaks (an MP3, a file main could not read), so wavesurfer decodes the audio itself. */
  constructor(container: HTMLElement, audioHost: HTMLElement, source: EngineSource, peaks: Peaks | null, plugins: GenericPlugin[], channels: number) {
    this.audio = document.createElement('audio')
    this.audio.preload = 'auto'
    // Main serves audio from its own scheme; a cross-origin source needs CORS for Web Audio to hear it.
    if (new URL(source.audioUrl, location.href).origin !== location.origin) this.audio.crossOrigin = 'anonymous'
    audioHost.append(this.audio)
    this.graph = new AudioGraph(this.audio, peaks?.channels.length ?? channels)
    this.agentChannel = source.agentChannel
    this.ws = WaveSurfer.create({
      container,
      media: this.audio,
      url: source.audioUrl,
      ...(peaks ? { peaks: peaks.channels, duration: source.durationS ?? peaks.durationS } : {}),
      splitChannels: laneOptions(this.graph.count, source.agentChannel),
      normalize: true,
      cursorColor: '#e6e9ee',
      cursorWidth: 2,
      minPxPerSec: 0,
      autoScroll: this.follow,
      autoCenter: this.follow,
      hideScrollbar: false,
      dragToSeek: true,
      plugins,
    })
    this.setSpeech(source.speech)
    // With cached peaks the waveform is drawn at 'decode'; 'ready' also waits for the media.
    this.ws.on('decode', () => this.update({ ready: true }))
    this.ws.on('ready', () => this.update({ ready: true }))
    this.ws.on('play', () => this.update({ playing: true }))
    this.ws.on('pause', () => this.update({ playing: false }))
    this.ws.on('finish', () => this.update({ playing: false }))
    this.ws.on('error', (e) => this.update({ error: e.message || 'The recording could not be played.' }))
    this.ws.on('timeupdate', (t) => this.tick(t))
  }

  subscribe = (fn: () => void) => {
    this.subs.add(fn)
    return () => void this.subs.delete(fn)
  }
  snapshot = () => this.state

  get skipSilence(): boolean {
    return this.skipOn
  }
  setSkipSilence(on: boolean): void {
    this.skipOn = on
  }

  setSpeech(speech: Segment[][]): void {
    this.union = speechUnion(speech)
    this.unionStarts = this.union.map((s) => s.startS)
  }

  /** Every setOptions redraws the whole waveform (~15 ms on a long call): only a real change is passed on. */
  setAgentChannel(agentChannel: 0 | 1 | null): void {
    if (agentChannel === this.agentChannel) return
    this.agentChannel = agentChannel
    this.ws.setOptions({ splitChannels: laneOptions(this.graph.count, agentChannel) })
  }

  /** Follow: keep the cursor in view while playing. */
  setFollow(follow: boolean): void {
    if (follow === this.follow) return
    this.follow = follow
    this.ws.setOptions({ autoScroll: follow, autoCenter: follow })
  }

  get duration(): number {
    return this.ws.getDuration()
  }

  play(): void {
    this.graph.resume()
    void this.ws.play().catch(() => {})
  }
  pause(): void {
    this.ws.pause()
  }
  toggle(): void {
    if (this.ws.isPlaying()) this.pause()
    else this.play()
  }
  /** Where playback is (a seek still pending in wavesurfer counts). */
  time(): number {
    return this.ws.getCurrentTime()
  }
  seek(t: number): void {
    const to = Math.max(0, Math.min(this.duration || t, t))
    // wavesurfer defers a seek until the media can play (readyState 3), and a deferred seek can
    // land after a later one; once the metadata is there the element seeks fine by itself.
    if (this.audio.readyState >= HTMLMediaElement.HAVE_METADATA) this.audio.currentTime = to
    else this.ws.setTime(to)
    this.clock.set(to)
  }
  skip(dt: number): void {
    this.seek(this.time() + dt)
  }
  setRate(rate: number): void {
    // The default too: the element resets playbackRate to it whenever its source (re)loads.
    this.audio.defaultPlaybackRate = rate
    this.ws.setPlaybackRate(rate, true)
    this.audio.preservesPitch = true
  }

  destroy(): void {
    this.subs.clear()
    this.ws.destroy()
    this.audio.pause()
    this.audio.removeAttribute('src')
    this.audio.remove()
    this.graph.close()
  }

  private tick(t: number): void {
    this.clock.set(t)
    if (!this.skipOn || !this.ws.isPlaying()) return
    const to = silenceJump(this.union, this.unionStarts, t, SILENCE_GAP_S)
    if (to === null) return
    this.lastSkip = { from: t, to }
    this.seek(to)
    this.emit()
  }

  private update(patch: Partial<EngineState>): void {
    this.state = { ...this.state, ...patch }
    this.emit()
  }
  private emit(): void {
    for (const fn of this.subs) fn()
  }
}
