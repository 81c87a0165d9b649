// The Web Audio path of the recording: element → splitter → one gain per recording channel →
// merger → speakers. Each channel's gain feeds both ears, so soloing one side of a dual recording
// is heard in both ears (a caller only in the left ear is tiring to review). The gain values are
// read back from the nodes for the DOM (data-gain-*), so tests see what is really applied.
export class AudioGraph {
  readonly ctx: AudioContext
  readonly gains: GainNode[]

  constructor(media: HTMLMediaElement, channels: number) {
    this.ctx = new AudioContext()
    const source = this.ctx.createMediaElementSource(media)
    const merger = this.ctx.createChannelMerger(2)
    const count = Math.max(1, Math.min(2, channels))
    this.gains = Array.from({ length: count }, () => this.ctx.createGain())
    if (count === 2) {
      const splitter = this.ctx.createChannelSplitter(2)
      source.connect(splitter)
      this.gains.forEach((g, c) => splitter.connect(g, c))
    } else {
      source.connect(this.gains[0]!)
    }
    for (const g of this.gains) {
      g.connect(merger, 0, 0)
      g.connect(merger, 0, 1)
    }
    merger.connect(this.ctx.destination)
  }

  /** Gain per recording channel (missing channels are ignored). */
  setGains(values: readonly number[]): void {
    this.gains.forEach((g, c) => (g.gain.value = values[c] ?? 1))
  }

  gainValues(): number[] {
    return this.gains.map((g) => g.gain.value)
  }

  /** A context made before a user gesture starts suspended: playing resumes it. */
  resume(): void {
    if (this.ctx.state === 'suspended') void this.ctx.resume().catch(() => {})
  }

  close(): void {
    void this.ctx.close().catch(() => {})
  }
}
