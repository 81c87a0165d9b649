// The time axis under the lanes: minor ticks drawn by one repeating gradient, m:ss labels as
// spans placed in % of the call, all written in one render. (wavesurfer's timeline plugin read
// each notch's width as it added it: ~80 forced layouts, ~27 ms, on opening a 60-minute call.)
// It follows the waveform's zoom and scroll like the marks lane; a zoom picks new steps.
import { useRef, useState } from 'react'
import type { Engine } from './engine'
import { axisSteps, clock } from './timing'
import { useWaveformStrip } from './useWaveformStrip'

const AXIS_HEIGHT = 18
const LABEL_ROOM_PX = 34

export function TimeAxis({ engine, duration }: { engine: Engine | null; duration: number }) {
  const innerRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  useWaveformStrip(engine, innerRef, setWidth)
  const ready = duration > 0 && width > 0
  const { tickS, labelS } = ready ? axisSteps(duration, width) : { tickS: 0, labelS: 0 }
  const labels: number[] = []
  // A label needs room for its text before the call's end (it would be cut off there).
  for (let t = 0; ready && (duration - t) * (width / duration) >= LABEL_ROOM_PX; t += labelS) labels.push(t)
  const tickPx = (tickS * width) / duration
  return (
    <div className="axis" aria-hidden="true" style={{ height: AXIS_HEIGHT }}>
      <div ref={innerRef} className="axis-inner" style={ready ? { backgroundSize: `${tickPx}px 5px` } : undefined} data-tick-s={tickS} data-label-s={labelS}>
        {labels.map((t) => (
          <span key={t} className="axis-label" style={{ left: `${(t / duration) * 100}%` }}>{clock(t)}</span>
        ))}
      </div>
    </div>
  )
}
