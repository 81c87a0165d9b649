// What the call view's parts share: the engine (null until the waveform is built), the aligned
// turns sorted by start (for binary search), and who spoke each turn.
import { createContext, useContext, useSyncExternalStore } from 'react'
import type { AlignedTurn } from '@shared/media'
import type { Engine } from './engine'
import { lastAtOrBefore } from './timing'

export type Speaker = 'agent' | 'caller' | 'other'
const SPEAKERS: Record<string, Speaker> = { agent: 'agent', assistant: 'agent', bot: 'agent', user: 'caller', caller: 'caller', customer: 'caller' }
export const speakerOf = (role: string): Speaker => SPEAKERS[role] ?? 'other'
const WHO: Record<Speaker, string> = { agent: 'Agent', caller: 'Caller', other: '' }
/** Agent / Caller, or the platform's own role name when it is neither. */
export const speakerLabel = (speaker: Speaker, role: string) => WHO[speaker] || role

export interface PlayerCtx {
  engine: Engine | null
  /** Aligned turns in order of their start in the recording. */
  order: AlignedTurn[]
  starts: number[]
  byIndex: Map<number, AlignedTurn>
  setEngine: (engine: Engine | null) => void
  showHelp: () => void
}

export const PlayerContext = createContext<PlayerCtx>({ engine: null, order: [], starts: [], byIndex: new Map(), setEngine: () => {}, showHelp: () => {} })
export const usePlayer = () => useContext(PlayerContext)

const noop = () => () => {}

/**
 * Position in `order` of the turn being heard (-1 before the first). The clock ticks every frame;
 * React re-renders only when the binary search's answer changes.
 */
export function useActiveTurn(): number {
  const { engine, starts } = usePlayer()
  return useSyncExternalStore(engine ? engine.clock.subscribe : noop, () => (engine ? lastAtOrBefore(starts, engine.clock.time) : -1))
}

/** The engine's {ready, playing, error}, or null before it exists. */
export function useEngineState() {
  const { engine } = usePlayer()
  return useSyncExternalStore(engine ? engine.subscribe : noop, () => engine?.snapshot() ?? null)
}
