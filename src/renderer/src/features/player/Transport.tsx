// The transport: turn / 5 s steps, play-pause, the time, speed, solo, skip silence, follow;
// and the view controls (zoom, help). Preferences live in the store (they carry over to the next call).
import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { RATES, type Solo } from '../../store/player.slice'
import { useStore } from '../../store'
import { nextTurn, previousTurn, zoomBy } from './commands'
import { NextIcon, PauseIcon, PlayIcon, PrevIcon } from './icons'
import { useEngineState, usePlayer } from './context'
import { clock } from './timing'

/** The time readout is written straight into the DOM: it changes every frame. */
function TimeReadout() {
  const { engine } = usePlayer()
  const ref = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    if (!engine) return
    const total = () => clock(engine.duration)
    const write = (t: number) => {
      if (ref.current) ref.current.textContent = `${clock(t)} / ${total()}`
    }
    write(engine.clock.time)
    return engine.clock.subscribe(write)
  }, [engine])
  return <span ref={ref} className="time mono" aria-label="Position" data-testid="player-time">0:00 / 0:00</span>
}

const SOLOS: [Solo, string, string][] = [['both', 'Both', '3'], ['agent', 'Agent', '1'], ['caller', 'Caller', '2']]

export function Transport({ canSolo }: { canSolo: boolean }) {
  const { engine, starts } = usePlayer()
  const state = useEngineState()
  const p = useStore(useShallow((s) => ({ rate: s.rate, solo: s.solo, skip: s.skipSilence, follow: s.follow, setRate: s.setRate, setSolo: s.setSolo, toggleSkip: s.toggleSkipSilence, setFollow: s.setFollow })))
  const off = !engine
  return (
    <div className="transport" role="toolbar" aria-label="Playback">
      <button type="button" className="btn btn-small" disabled={off} onClick={() => engine && previousTurn(engine, starts)} title="Previous turn (↑)" aria-label="Previous turn"><PrevIcon /></button>
      <button type="button" className="btn btn-small" disabled={off} onClick={() => engine?.skip(-5)} title="Back 5 s (J, ←)" aria-label="Back 5 seconds">−5s</button>
      <button type="button" className="btn btn-small btn-play" disabled={off} onClick={() => engine?.toggle()} title="Play / pause (Space, K)" aria-label={state?.playing ? 'Pause' : 'Play'}>
        {state?.playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <button type="button" className="btn btn-small" disabled={off} onClick={() => engine?.skip(5)} title="Forward 5 s (L, →)" aria-label="Forward 5 seconds">+5s</button>
      <button type="button" className="btn btn-small" disabled={off} onClick={() => engine && nextTurn(engine, starts)} title="Next turn (↓)" aria-label="Next turn"><NextIcon /></button>
      <TimeReadout />
      <label className="speed" title="Speed ([ and ]); the pitch is kept">
        <select aria-label="Speed" value={String(p.rate)} onChange={(e) => p.setRate(Number(e.target.value))}>
          {RATES.map((r) => <option key={r} value={String(r)}>{r}×</option>)}
        </select>
      </label>
      <div className="segmented solo" role="group" aria-label="Listen to">
        {SOLOS.map(([v, text, key]) => (
          <button key={v} type="button" aria-pressed={p.solo === v} disabled={!canSolo && v !== 'both'} onClick={() => p.setSolo(v)} title={`${v === 'both' ? 'Both sides' : `Only the ${text.toLowerCase()}`} (${key})`}>{text}</button>
        ))}
      </div>
      <button type="button" className="btn btn-small" aria-pressed={p.skip} onClick={p.toggleSkip} title="Jump over silences longer than 1.5 s (S)">Skip silence</button>
      <button type="button" className="btn btn-small" aria-pressed={p.follow} onClick={() => p.setFollow(!p.follow)} title="Keep the playhead and the current turn in view (F)">Follow</button>
    </div>
  )
}

/** Zoom and help, in the player's footer (the transport row is full). */
export function ViewControls({ onHelp }: { onHelp: () => void }) {
  const { engine } = usePlayer()
  const off = !engine
  return (
    <span className="view-controls">
      <span className="zoom" role="group" aria-label="Zoom">
        <button type="button" className="btn btn-small" disabled={off} onClick={() => engine && zoomBy(engine, 1 / 1.5)} aria-label="Zoom out" title="Zoom out (−, Ctrl/⌘ + wheel)">−</button>
        <button type="button" className="btn btn-small" disabled={off} onClick={() => engine && zoomBy(engine, 1.5)} aria-label="Zoom in" title="Zoom in (+, Ctrl/⌘ + wheel)">+</button>
      </span>
      <button type="button" className="btn btn-quiet btn-small" onClick={onHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">?</button>
    </span>
  )
}
