// The latency overlay under the waveform: one mark per caller → agent hand-over (caller end →
// agent start, coloured by the latency thresholds, the ms as its tooltip) and one per stretch of
// talk-over. Marks are placed in % of the call, in the strip that follows the waveform's zoom and
// scroll (WaveformStrip).
import type { Segment } from '@shared/media'
import { clock, pct, type LatencyMark } from './timing'

interface Props {
  duration: number
  latency: LatencyMark[]
  interruptions: Segment[]
  onSeek: (t: number) => void
}

interface MarkProps {
  span: Segment
  duration: number
  className: string
  kind: 'latency' | 'interruption'
  title: string
  ms?: number
  onSeek: (t: number) => void
}

/** One mark: a stretch of the call (at least 3 px wide) that seeks to its start when clicked. */
function Mark({ span, duration, className, kind, title, ms, onSeek }: MarkProps) {
  const left = pct(span.startS, duration)
  return (
    <button
      type="button"
      tabIndex={-1}
      className={`mark ${className}`}
      data-mark={kind}
      data-ms={ms}
      style={{ left, width: `max(3px, calc(${pct(span.endS, duration)} - ${left}))` }}
      title={title}
      onClick={() => onSeek(span.startS)}
    />
  )
}

export function MarksLane({ duration, latency, interruptions, onSeek: seek }: Props) {
  if (!(duration > 0)) return null
  return (
    <div className="marks" aria-label="Latency and talk-over marks">
      <div className="marks-inner">
        <div className="marks-row">
          {latency.map((m) => (
            <Mark key={`l${m.startS}`} span={m} duration={duration} className={`mark-lat lat-${m.level}`} kind="latency" ms={m.ms}
              title={`Agent answered after ${m.ms} ms (at ${clock(m.endS)})`} onSeek={seek} />
          ))}
        </div>
        <div className="marks-row">
          {interruptions.map((m) => (
            <Mark key={`i${m.startS}`} span={m} duration={duration} className="mark-over" kind="interruption"
              title={`Both spoke at once for ${Math.round((m.endS - m.startS) * 1000)} ms (at ${clock(m.startS)})`} onSeek={seek} />
          ))}
        </div>
      </div>
    </div>
  )
}
