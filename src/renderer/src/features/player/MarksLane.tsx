// The latency overlay under the waveform: one mark per caller → agent hand-over (caller end →
// agent start, coloured by the latency thresholds, the ms as its tooltip) and one per stretch of
// talk-over. Marks are placed in % of the call and the strip follows the waveform's zoom and
// scroll (useWaveformStrip).
import { useRef } from 'react'
import type { Segment } from '@shared/media'
import type { Engine } from './engine'
import { clock, type LatencyMark } from './timing'
import { useWaveformStrip } from './useWaveformStrip'

interface Props {
  engine: Engine | null
  duration: number
  latency: LatencyMark[]
  interruptions: Segment[]
}

const pct = (s: number, d: number) => `${(Math.max(0, Math.min(d, s)) / d) * 100}%`

export function MarksLane({ engine, duration, latency, interruptions }: Props) {
  const innerRef = useRef<HTMLDivElement>(null)
  useWaveformStrip(engine, innerRef)
  if (!(duration > 0)) return null
  return (
    <div className="marks" aria-label="Latency and talk-over marks">
      <div ref={innerRef} className="marks-inner">
        <div className="marks-row">
          {latency.map((m) => (
            <button
              key={`l${m.startS}`}
              type="button"
              tabIndex={-1}
              className={`mark mark-lat lat-${m.level}`}
              data-mark="latency"
              data-ms={m.ms}
              style={{ left: pct(m.startS, duration), width: `max(3px, calc(${pct(m.endS, duration)} - ${pct(m.startS, duration)}))` }}
              title={`Agent answered after ${m.ms} ms (at ${clock(m.endS)})`}
              onClick={() => engine?.seek(m.startS)}
            />
          ))}
        </div>
        <div className="marks-row">
          {interruptions.map((m) => (
            <button
              key={`i${m.startS}`}
              type="button"
              tabIndex={-1}
              className="mark mark-over"
              data-mark="interruption"
              style={{ left: pct(m.startS, duration), width: `max(3px, calc(${pct(m.endS, duration)} - ${pct(m.startS, duration)}))` }}
              title={`Both spoke at once for ${Math.round((m.endS - m.startS) * 1000)} ms (at ${clock(m.startS)})`}
              onClick={() => engine?.seek(m.startS)}
            />
          ))}
        </div>
      </div>
    </div>
  )
}
