// The response-latency thresholds from Settings (amber from warn, red from bad), with the
// defaults the settings start with while they load.
import { useStore } from '../store'

export function useThresholds(): { warn: number; bad: number } {
  const warn = useStore((s) => s.settings?.latencyWarnMs ?? 800)
  const bad = useStore((s) => s.settings?.latencyBadMs ?? 1500)
  return { warn, bad }
}
