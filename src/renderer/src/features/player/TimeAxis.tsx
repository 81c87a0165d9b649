// The time axis under the lanes: minor ticks drawn by one repeating gradient, m:ss labels as
// spans placed in % of the call, all written in one render. (wavesurfer's timeline plugin read
// each notch's width as it added it: ~80 forced layouts, ~27 ms, on opening a 60-minute call.)
// It sits in the strip that follows the waveform (WaveformStrip); a zoom (a new width) picks new steps.
import { axisSteps, clock, pct } from './timing'

const LABEL_ROOM_PX = 34

/** width: the waveform's full width in px. */
export function TimeAxis({ duration, width }: { duration: number; width: number }) {
  const ready = duration > 0 && width > 0
  const { tickS, labelS } = ready ? axisSteps(duration, width) : { tickS: 0, labelS: 0 }
  const labels: number[] = []
  // A label needs room for its text before the call's end (it would be cut off there).
  for (let t = 0; ready && (duration - t) * (width / duration) >= LABEL_ROOM_PX; t += labelS) labels.push(t)
  const tickPx = (tickS * width) / duration
  return (
    <div className="axis" aria-hidden="true">
      <div className="axis-inner" style={ready ? { backgroundSize: `${tickPx}px 5px` } : undefined} data-tick-s={tickS} data-label-s={labelS}>
        {labels.map((t) => (
          <span key={t} className="axis-label" style={{ left: pct(t, duration) }}>{clock(t)}</span>
        ))}
      </div>
    </div>
  )
}
