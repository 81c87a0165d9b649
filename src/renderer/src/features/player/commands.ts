// Moves between turns, shared by the transport buttons and the keyboard.
import type { Engine } from './engine'
import { lastAtOrBefore } from './timing'

/** Within this much of a turn's start, "previous" goes to the turn before (as in media players). */
const RESTART_S = 1

export function nextTurn(engine: Engine, starts: number[]): void {
  const t = engine.time()
  const i = lastAtOrBefore(starts, t + 0.05)
  const next = starts[i + 1]
  if (next !== undefined) engine.seek(next)
}

export function previousTurn(engine: Engine, starts: number[]): void {
  const t = engine.time()
  const i = lastAtOrBefore(starts, t)
  if (i < 0) return engine.seek(0)
  const target = t - starts[i]! > RESTART_S || i === 0 ? starts[i]! : starts[i - 1]!
  engine.seek(target)
}

/** Zoom by a factor from the current level (0 px/s = fit to width). */
export function zoomBy(engine: Engine, factor: number): void {
  const { ws } = engine
  const d = ws.getDuration()
  if (!d) return
  const fit = ws.getWidth() / d
  const now = ws.options.minPxPerSec || fit
  const next = Math.min(400, now * factor)
  ws.zoom(next <= fit * 1.01 ? 0 : next)
}
