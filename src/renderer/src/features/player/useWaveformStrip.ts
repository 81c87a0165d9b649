// A strip under the waveform (time axis, latency marks) that follows its zoom and scroll: the
// strip's inner element is given the waveform's full width and offset directly, so scrolling never
// re-renders React. onWidth hears the width when it changes (the axis picks its tick step by it).
import { useEffect, type RefObject } from 'react'
import type { Engine } from './engine'

export function useWaveformStrip(engine: Engine | null, innerRef: RefObject<HTMLDivElement | null>, onWidth?: (px: number) => void): void {
  useEffect(() => {
    if (!engine) return
    let width = -1
    const sync = () => {
      const inner = innerRef.current
      if (!inner) return
      const scrollWidth = engine.ws.getWrapper().scrollWidth
      inner.style.transform = `translateX(${-engine.ws.getScroll()}px)`
      if (scrollWidth === width) return
      width = scrollWidth
      inner.style.width = `${scrollWidth}px`
      onWidth?.(scrollWidth)
    }
    const offs = (['scroll', 'zoom', 'redraw', 'resize', 'decode'] as const).map((e) => engine.ws.on(e, sync))
    sync()
    return () => offs.forEach((off) => off())
  }, [engine, innerRef, onWidth])
}
