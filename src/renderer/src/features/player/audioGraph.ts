// The Web Audio path of the recording: element → splitter → one gain per recording channel →
// merger → speakers. Each channel's gain feeds both ears, so soloing one side of a dual recording
// is heard in both ears (a caller only in the left ear is tiring to review). The graph is built
// the first time a channel is turned down: until then the element plays straight to the speakers,
// and opening a call does not pay the ~60 ms an AudioContext takes to start. The gain values are
// read back from the nodes for the DOM (data-gain-*), so tests see what is really applied.
interface Nodes {
  ctx: AudioContext
  gains: GainNode[]
}

export class AudioGraph {
  /** Recording channels with a gain of their own (1 or 2). */
  readonly count: number
  private nodes: Nodes | null = null

  constructor(
    private readonly media: HTMLMediaElement,
    channels: number,
  ) {
    this.count = Math.max(1, Math.min(2, channels))
  }

  private build(): Nodes {
    const ctx = new AudioContext()
    const source = ctx.createMediaElementSource(this.media)
    const merger = ctx.createChannelMerger(2)
    const gains = Array.from({ length: this.count }, () => ctx.createGain())
    if (this.count === 2) {
      const splitter = ctx.createChannelSplitter(2)
      source.connect(splitter)
      gains.forEach((g, c) => splitter.connect(g, c))
    } else {
      source.connect(gains[0]!)
    }
    for (const g of gains) {
      g.connect(merger, 0, 0)
      g.connect(merger, 0, 1)
    }
    merger.connect(ctx.destination)
    // A context made before a user gesture starts suspended; the element may already be playing.
    if (!this.media.paused) void ctx.resume().catch(() => {})
    return { ctx, gains }
  }

  /** Gain per recording channel (missing channels are 1). */
  setGains(values: readonly number[]): void {
    const wanted = Array.from({ length: this.count }, (_, c) => values[c] ?? 1)
    if (!this.nodes && wanted.every((v) => v === 1)) return
    this.nodes ??= this.build()
    this.nodes.gains.forEach((g, c) => (g.gain.value = wanted[c]!))
  }

  /** What is applied: without the graph, the element plays every channel at full level. */
  gainValues(): number[] {
    return this.nodes ? this.nodes.gains.map((g) => g.gain.value) : Array.from({ length: this.count }, () => 1)
  }

  resume(): void {
    if (this.nodes?.ctx.state === 'suspended') void this.nodes.ctx.resume().catch(() => {})
  }

  close(): void {
    void this.nodes?.ctx.close().catch(() => {})
  }
}
