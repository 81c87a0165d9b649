// The playback time, outside React and the store: wavesurfer writes it every frame, and the few
// things that need it (active turn, time readout, skip-silence) subscribe and decide themselves
// whether anything visible changed.
export class Clock {
  time = 0
  private readonly subs = new Set<(t: number) => void>()

  set(t: number): void {
    this.time = t
    for (const fn of this.subs) fn(t)
  }

  /** An arrow property so it can be handed to useSyncExternalStore as it is. */
  subscribe = (fn: (t: number) => void): (() => void) => {
    this.subs.add(fn)
    return () => void this.subs.delete(fn)
  }
}
