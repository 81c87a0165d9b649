// Background sync while the app runs: at start, then every syncIntervalMin minutes. The interval
// is re-read each time, so a change in settings applies without a restart; 0 means on demand only
// (checked again every minute). A run never overlaps another.
import type { Services } from '../services'

export function startBackgroundSync(services: Pick<Services, 'sync' | 'settings'>): () => void {
  let timer: NodeJS.Timeout | null = null
  let stopped = false
  const loop = () => {
    if (stopped) return
    const minutes = services.settings.get().syncIntervalMin
    const engine = minutes > 0 ? services.sync() : null
    if (engine && !engine.running) engine.run().catch(() => {})
    timer = setTimeout(loop, Math.max(1, minutes) * 60_000)
  }
  loop()
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
  }
}
