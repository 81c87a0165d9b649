// Shares the open call's engine and aligned turns with the player, the transcript and the keys,
// and shows the shortcuts overlay. Mounted once per open call (keyed by its id).
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { useStore } from '../../store'
import { PlayerContext, type PlayerCtx } from './context'
import type { Engine } from './engine'
import { HelpOverlay } from './HelpOverlay'
import { usePlayerKeys } from './usePlayerKeys'
import './player.css'

export const FIND_INPUT_ID = 'call-find'

export function PlayerProvider({ children }: { children: ReactNode }) {
  const alignment = useStore((s) => s.media?.alignment ?? null)
  const [engine, setEngine] = useState<Engine | null>(null)
  const [help, setHelp] = useState(false)
  const turns = alignment?.turns
  const value = useMemo<PlayerCtx>(() => {
    const order = [...(turns ?? [])].sort((a, b) => a.startS - b.startS)
    return {
      engine,
      order,
      starts: order.map((t) => t.startS),
      byIndex: new Map(order.map((t) => [t.index, t])),
      setEngine,
      showHelp: () => setHelp(true),
    }
  }, [engine, turns])
  const toggleHelp = useCallback((open?: boolean) => setHelp((h) => open ?? !h), [])
  usePlayerKeys({ engine, starts: value.starts, helpOpen: help, toggleHelp, focusFind: () => document.getElementById(FIND_INPUT_ID)?.focus() })
  return (
    <PlayerContext.Provider value={value}>
      {children}
      {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
    </PlayerContext.Provider>
  )
}
