// The transcript beside the waveform: each turn with its speaker, its time in the recording and
// its text; the turn being heard highlighted and kept in view while following; find within the
// call. Without a recording (or before main has aligned it) the turns show without times.
import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { CallDetail } from '@shared/domain'
import type { CallView } from '@shared/ipc/types'
import { useStore } from '../../store'
import { speakerOf, useActiveTurn, usePlayer } from '../player/context'
import { findMatches } from '../player/find'
import { TranscriptFind } from '../player/TranscriptFind'
import { TurnRow } from '../player/TurnRow'
import { scrollWithin, useFollow } from '../player/useFollow'
import { useTurnNotes } from '../review/useTurnNotes'

/** Turns painted at once when a call opens; a long call's others follow a frame later. */
const FIRST_TURNS = 60

/**
 * How many turns to render: a 60-minute call has ~800, and building them all held its first
 * paint back by ~0.1 s. The first screenful comes at once, the rest in a transition once the
 * page is idle.
 */
function useProgressive(count: number): number {
  const [shown, setShown] = useState(FIRST_TURNS)
  useEffect(() => {
    if (count <= shown) return
    // When the page is idle: the waveform is being drawn at the same moment, and goes first.
    const idle = requestIdleCallback(() => startTransition(() => setShown(count)), { timeout: 1000 })
    return () => cancelIdleCallback(idle)
  }, [count, shown])
  return shown
}

export function CallTranscript({ view, loading, onRetry }: { view: CallView; loading: boolean; onRetry: () => void }) {
  const transcript = view.hasDetail && 'transcript' in view.call ? (view.call as CallDetail).transcript : null
  const { engine, order, byIndex } = usePlayer()
  const activePos = useActiveTurn()
  const activeTurn = engine && activePos >= 0 ? (order[activePos]?.index ?? null) : null
  const { follow, setFollow, setTarget } = useStore(useShallow((s) => ({ follow: s.follow, setFollow: s.setFollow, setTarget: s.setAnnotationTarget })))
  const notes = useTurnNotes()
  const annotate = useCallback((turnIndex: number) => setTarget({ turnIndex, startS: null, endS: null }), [setTarget])
  const [query, setQuery] = useState('')
  const [current, setCurrent] = useState(0)
  const listRef = useRef<HTMLOListElement>(null)
  const shown = useProgressive(transcript?.length ?? 0)
  const matches = useMemo(() => findMatches(transcript ?? [], query), [transcript, query])
  const at = matches.length ? Math.min(current, matches.length - 1) : -1
  useFollow(listRef, activeTurn, follow && !!engine, setFollow)

  const seek = useCallback((t: number) => engine?.seek(t), [engine])
  const show = (pos: number) => {
    const m = matches[pos]
    const item = m && listRef.current?.querySelector<HTMLElement>(`[data-turn="${m.turn}"]`)
    if (!item || !listRef.current) return
    // Looking at a match is reading elsewhere: following would pull the view away from it.
    setFollow(false)
    scrollWithin(listRef.current, item)
  }
  const step = (dir: 1 | -1) => {
    if (!matches.length) return
    const pos = (at + dir + matches.length) % matches.length
    setCurrent(pos)
    show(pos)
  }
  const onQuery = (q: string) => {
    setQuery(q)
    setCurrent(0)
  }

  return (
    <section className="call-transcript" aria-labelledby="detail-transcript">
      <div className="transcript-head">
        <h3 id="detail-transcript">Transcript</h3>
        {engine && !follow ? (
          <button type="button" className="btn btn-small btn-resume" onClick={() => setFollow(true)}>Resume following</button>
        ) : null}
      </div>
      {transcript?.length ? <TranscriptFind query={query} onQuery={onQuery} count={matches.length} current={Math.max(0, at)} onStep={step} /> : null}
      {view.detailError ? (
        <div className="banner banner-warning" role="alert">
          <p>{view.detailError}</p>
          <button type="button" className="btn btn-small" onClick={onRetry}>Retry</button>
        </div>
      ) : null}
      {transcript ? (
        transcript.length ? (
          <ol ref={listRef} className="transcript" tabIndex={0} aria-label="Transcript turns">
            {(shown < transcript.length ? transcript.slice(0, shown) : transcript).map((t) => (
              <TurnRow
                key={t.index}
                index={t.index}
                role={t.role}
                speaker={speakerOf(t.role)}
                text={t.text}
                aligned={byIndex.get(t.index)}
                active={t.index === activeTurn}
                query={query}
                currentNth={at >= 0 && matches[at]!.turn === t.index ? matches[at]!.nth : -1}
                onSeek={seek}
                notes={notes.get(t.index)}
                onAnnotate={annotate}
              />
            ))}
          </ol>
        ) : (
          <p className="muted">Nobody spoke on this call.</p>
        )
      ) : !view.detailError ? (
        <p className="muted">{loading ? 'Loading the transcript…' : 'The transcript has not been downloaded yet.'}</p>
      ) : null}
    </section>
  )
}
