// The waveform: one lane per recording channel, labelled Agent / Caller, hover
// time, zoom (Ctrl/⌘ + wheel or the buttons), a minimap for long calls and the latency marks.
// The engine is made once per recording (not per render, not per alignment change).
import { useEffect, useMemo, useRef, type ReactNode } from 'react'
import type { GenericPlugin } from 'wavesurfer.js/dist/base-plugin.js'
import HoverPlugin from 'wavesurfer.js/plugins/hover'
import MinimapPlugin from 'wavesurfer.js/plugins/minimap'
import RegionsPlugin from 'wavesurfer.js/plugins/regions'
import ZoomPlugin from 'wavesurfer.js/plugins/zoom'
import type { Peaks } from '@shared/media'
import { Engine, LANE_HEIGHT, type EngineSource } from './engine'
import { clock } from './timing'

const LONG_CALL_S = 120
/** The minimap goes below the marks (a selector: plugins are made before the DOM exists). */
const MINIMAP_ID = 'call-minimap'

function usePlugins(long: boolean): GenericPlugin[] {
  return useMemo(() => {
    const list: GenericPlugin[] = [
      HoverPlugin.create({ lineColor: '#e6e9ee', labelBackground: '#1f242c', labelColor: '#e6e9ee', labelSize: 11, formatTimeCallback: (s) => `${clock(s)}.${Math.floor((s % 1) * 10)}` }),
      ZoomPlugin.create({ scale: 0.5, maxZoom: 400 }),
      // Annotated ranges (features/review/AnnotationRegions draws them).
      RegionsPlugin.create(),
    ]
    if (long) list.push(MinimapPlugin.create({ height: 24, waveColor: '#6b7686', progressColor: '#a7b3c4', overlayColor: 'rgba(90,169,255,0.18)', container: `#${MINIMAP_ID}` }))
    return list
  }, [long])
}

interface Props {
  source: EngineSource
  /** null: draw by decoding the audio (no cached peaks). */
  peaks: Peaks | null
  channels: number
  labels: ReactNode[]
  onEngine: (engine: Engine | null) => void
  children?: ReactNode
}

export function Waveform({ source, peaks, channels, labels, onEngine, children }: Props) {
  const waveRef = useRef<HTMLDivElement>(null)
  const audioRef = useRef<HTMLDivElement>(null)
  const plugins = usePlugins((source.durationS ?? peaks?.durationS ?? 0) > LONG_CALL_S)
  // Later alignment changes reach the engine through its setters, not by rebuilding it.
  const initial = useRef(source)
  const { audioUrl } = source
  useEffect(() => {
    const engine = new Engine(waveRef.current!, audioRef.current!, { ...initial.current, audioUrl }, peaks, plugins, channels)
    onEngine(engine)
    return () => {
      onEngine(null)
      engine.destroy()
    }
  }, [audioUrl, peaks, plugins, onEngine, channels])

  // The Zoom plugin zooms on any wheel; a plain wheel should scroll the page, so only
  // Ctrl/⌘ + wheel gets through to it (caught on the way down, before the shadow DOM sees it).
  useEffect(() => {
    const host = waveRef.current!
    const gate = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) e.stopPropagation()
    }
    host.addEventListener('wheel', gate, { capture: true })
    return () => host.removeEventListener('wheel', gate, { capture: true })
  }, [])

  return (
    <div className="wave">
      <div className="wave-gutter" aria-hidden="false">
        {labels.map((l, c) => (
          <div key={c} className="wave-label" style={{ height: LANE_HEIGHT }} data-lane={c}>{l}</div>
        ))}
      </div>
      <div className="wave-main">
        {/* Sized and contained: what wavesurfer measures as it draws lays out only the lanes, not the whole call view. */}
        <div ref={waveRef} className="wave-host" data-testid="waveform" style={{ height: labels.length * LANE_HEIGHT }} />
        {children}
        <div id={MINIMAP_ID} className="minimap" />
      </div>
      <div ref={audioRef} hidden />
    </div>
  )
}
