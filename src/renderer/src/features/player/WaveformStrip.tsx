// The strip under the waveform: the time axis and the latency / talk-over marks, following the
// waveform's zoom and scroll together. Its inner element is given the waveform's full width and
// offset directly on wavesurfer's events, so scrolling never re-renders React; the axis re-renders
// when the width changes (it picks its steps by it). One follower for both: two wrote a transform
// and then read the waveform's width, a forced style pass per frame while playback scrolls.
import { useEffect, useRef, useState } from 'react'
import type { Segment } from '@shared/media'
import type { Engine } from './engine'
import { MarksLane } from './MarksLane'
import { TimeAxis } from './TimeAxis'
import type { LatencyMark } from './timing'

interface Props {
  engine: Engine | null
  duration: number
  latency: LatencyMark[]
  interruptions: Segment[]
}

export function WaveformStrip({ engine, duration, latency, interruptions }: Props) {
  const innerRef = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  useEffect(() => {
    if (!engine) return
    let known = -1
    const follow = () => {
      const inner = innerRef.current
      if (!inner) return
      // Read before writing: the width read after a transform write would force a style pass.
      const scrollWidth = engine.ws.getWrapper().scrollWidth
      inner.style.transform = `translateX(${-engine.ws.getScroll()}px)`
      if (scrollWidth === known) return
      known = scrollWidth
      inner.style.width = `${scrollWidth}px`
      setWidth(scrollWidth)
    }
    const offs = (['scroll', 'zoom', 'redraw', 'resize', 'decode'] as const).map((e) => engine.ws.on(e, follow))
    follow()
    return () => offs.forEach((off) => off())
  }, [engine])
  return (
    <div className="strip">
      <div ref={innerRef} className="strip-inner">
        <TimeAxis duration={duration} width={width} />
        <MarksLane duration={duration} latency={latency} interruptions={interruptions} onSeek={(t) => engine?.seek(t)} />
      </div>
    </div>
  )
}
