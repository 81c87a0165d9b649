// Applies the reviewer's preferences to the engine (speed keeping pitch, solo gains, skip
// silence, follow, the alignment's speech and lane colours) and mirrors what the audio graph
// really does into data-* attributes of the player, read back from the nodes and the element.
import { useEffect, type RefObject } from 'react'
import type { Alignment } from '@shared/media'
import { useShallow } from 'zustand/react/shallow'
import { useStore } from '../../store'
import type { Solo } from '../../store/player.slice'
import type { Engine } from './engine'

function gainsFor(solo: Solo, agentChannel: 0 | 1 | null): number[] {
  if (solo === 'both' || agentChannel === null) return [1, 1]
  const agentOn = solo === 'agent'
  return [0, 1].map((c) => ((c === agentChannel) === agentOn ? 1 : 0))
}

function mirror(root: HTMLElement | null, engine: Engine): void {
  if (!root) return
  engine.graph.gainValues().forEach((g, c) => root.setAttribute(`data-gain-${c}`, String(g)))
  root.dataset.rate = String(engine.audio.playbackRate)
  root.dataset.preservesPitch = String(engine.audio.preservesPitch)
  root.dataset.skipSilence = String(engine.skipSilence)
  if (engine.lastSkip) root.dataset.lastSkip = `${engine.lastSkip.from.toFixed(2)}-${engine.lastSkip.to.toFixed(2)}`
}

export function useEnginePrefs(engine: Engine | null, root: RefObject<HTMLElement | null>, alignment: Alignment): void {
  const { rate, solo, skip, follow } = useStore(useShallow((s) => ({ rate: s.rate, solo: s.solo, skip: s.skipSilence, follow: s.follow })))
  const { agentChannel, speech } = alignment
  useEffect(() => {
    if (!engine) return
    engine.setRate(rate)
    engine.graph.setGains(gainsFor(solo, agentChannel))
    engine.setSkipSilence(skip)
    mirror(root.current, engine)
  }, [engine, rate, solo, skip, agentChannel, root])
  useEffect(() => {
    if (!engine) return
    engine.setSpeech(speech)
    engine.setAgentChannel(agentChannel)
  }, [engine, speech, agentChannel])
  useEffect(() => {
    engine?.setFollow(follow)
  }, [engine, follow])
  // Skips happen inside the engine: mirror them as they happen.
  useEffect(() => engine?.subscribe(() => mirror(root.current, engine)), [engine, root])
}
