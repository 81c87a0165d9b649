// Keeps the current turn in view while following. Scrolling the transcript by hand (wheel,
// touch, dragging its scrollbar, paging keys) pauses following, so the reviewer can read
// elsewhere; "Resume following" (or F) brings it back. Only the list scrolls, never the page.
import { useEffect, type RefObject } from 'react'

// ↑/↓ are the player's previous / next turn, so they do not count as reading elsewhere.
const PAGING = new Set(['PageUp', 'PageDown', 'Home', 'End'])

export function scrollWithin(list: HTMLElement, item: HTMLElement): void {
  const top = item.offsetTop - list.offsetTop
  if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
    list.scrollTop = Math.max(0, top - list.clientHeight / 3)
  }
}

export function useFollow(list: RefObject<HTMLElement | null>, activeTurn: number | null, follow: boolean, setFollow: (f: boolean) => void): void {
  useEffect(() => {
    const el = list.current
    if (!follow || !el || activeTurn === null) return
    const item = el.querySelector<HTMLElement>(`[data-turn="${activeTurn}"]`)
    if (item) scrollWithin(el, item)
  }, [list, activeTurn, follow])

  useEffect(() => {
    const el = list.current
    if (!el) return
    const pause = () => setFollow(false)
    const onKey = (e: KeyboardEvent) => e.target === el && PAGING.has(e.key) && pause()
    // A press on the list itself (not a turn) is its scrollbar.
    const onDown = (e: PointerEvent) => e.target === el && pause()
    el.addEventListener('wheel', pause, { passive: true })
    el.addEventListener('touchmove', pause, { passive: true })
    el.addEventListener('keydown', onKey)
    el.addEventListener('pointerdown', onDown)
    return () => {
      el.removeEventListener('wheel', pause)
      el.removeEventListener('touchmove', pause)
      el.removeEventListener('keydown', onKey)
      el.removeEventListener('pointerdown', onDown)
    }
  }, [list, setFollow])
}
