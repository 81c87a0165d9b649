// The top of the call view: the recording's state in words, or the transport, the labelled
// waveform with its latency marks, the channel mapping and the alignment's note.
import { useMemo, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { CallDetail, CallSummary } from '@shared/domain'
import type { MediaInfo } from '@shared/media'
import { useThresholds } from '../../hooks/useThresholds'
import { useStore } from '../../store'
import { ChannelMapping } from './ChannelMapping'
import { speakerOf, useEngineState, usePlayer } from './context'
import { AnnotationRegions } from '../review/AnnotationRegions'
import { RecordingNotice } from './RecordingNotice'
import { latencyMarks, overlaps } from './timing'
import { Transport, ViewControls } from './Transport'
import { WaveformStrip } from './WaveformStrip'
import { useEnginePrefs } from './useEnginePrefs'
import { usePeaks } from './usePeaks'
import { Waveform } from './Waveform'

function laneLabels(channels: number, agentChannel: 0 | 1 | null) {
  if (agentChannel === null || channels < 2) return Array.from({ length: channels }, () => <strong>Mixed</strong>)
  return Array.from({ length: channels }, (_, c) => (
    <>
      <strong className={c === agentChannel ? 'who-agent' : 'who-caller'}>{c === agentChannel ? 'Agent' : 'Caller'}</strong>
      <span className="muted small">{c === 0 ? 'left' : 'right'}</span>
    </>
  ))
}

function useMarks(media: MediaInfo, call: CallSummary | CallDetail) {
  const { warn, bad } = useThresholds()
  const transcript = 'transcript' in call ? call.transcript : null
  const { turns, speech, method } = media.alignment
  return useMemo(() => {
    const roles = new Map((transcript ?? []).map((t) => [t.index, speakerOf(t.role)]))
    return {
      warn,
      bad,
      latency: latencyMarks(turns, (i) => roles.get(i) ?? 'other', warn, bad),
      // Talk-over needs one channel per side; a mono mix cannot tell who spoke.
      interruptions: method === 'dual' ? overlaps(speech) : [],
    }
  }, [transcript, turns, speech, method, warn, bad])
}

function Ready({ media, call }: { media: MediaInfo; call: CallSummary | CallDetail }) {
  const { engine, setEngine, showHelp } = usePlayer()
  const state = useEngineState()
  const root = useRef<HTMLDivElement>(null)
  const { peaks, error } = usePeaks(media.peaksUrl)
  const { alignment } = media
  useEnginePrefs(engine, root, alignment)
  const marks = useMarks(media, call)
  const source = useMemo(
    () => ({ audioUrl: media.audioUrl!, durationS: media.durationS, agentChannel: alignment.agentChannel, speech: alignment.speech }),
    [media.audioUrl, media.durationS, alignment.agentChannel, alignment.speech],
  )
  // Without cached peaks (an MP3, a file main could not read) wavesurfer decodes the audio itself.
  const decode = !media.peaksUrl
  const channels = peaks?.channels.length ?? media.channels ?? 1
  const dual = media.kind === 'dual' && channels >= 2
  const duration = media.durationS ?? peaks?.durationS ?? engine?.duration ?? 0
  if (error) return <div className="banner banner-error player-notice" role="alert"><p>The waveform could not be loaded: {error}</p></div>
  return (
    <div ref={root} className="player" data-testid="call-player" data-ready={state?.ready ? 'true' : 'false'} data-playing={state?.playing ? 'true' : 'false'}>
      <Transport canSolo={dual} />
      {peaks || decode ? (
        <Waveform source={source} peaks={peaks} channels={channels} labels={laneLabels(channels, alignment.agentChannel)} onEngine={setEngine}>
          <WaveformStrip engine={engine} duration={duration} latency={marks.latency} interruptions={marks.interruptions} />
          <AnnotationRegions engine={engine} />
        </Waveform>
      ) : (
        <p className="muted player-loading" role="status">Drawing the waveform…</p>
      )}
      {state?.error ? <p className="banner banner-error" role="alert">The recording could not be played: {state.error}</p> : null}
      <footer className="player-foot">
        <ChannelMapping alignment={alignment} dual={dual} />
        <span className="legend small muted" title="Under the waveform: how long the agent took to answer, and where both spoke at once">
          <i className="key lat-ok" />&lt;{marks.warn} <i className="key lat-warn" />&lt;{marks.bad} <i className="key lat-bad" />≥{marks.bad} ms <i className="key over" />talk-over
        </span>
        <ViewControls onHelp={showHelp} />
        {alignment.note ? <p className="align-note small" role="note">{alignment.note}</p> : null}
      </footer>
    </div>
  )
}

export function CallPlayer({ call }: { call: CallSummary | CallDetail }) {
  const { media, loading, error, load } = useStore(useShallow((s) => ({ media: s.media, loading: s.mediaLoading, error: s.mediaError, load: s.loadMedia })))
  const retry = () => void load(call.id)
  if (!media || media.callId !== call.id) {
    if (error) return <RecordingNotice recording={null} error={error} onRetry={retry} />
    return <p className="muted player-loading" role="status" aria-busy={loading}>Opening the recording…</p>
  }
  if (media.recording.state !== 'ready' || !media.audioUrl) {
    return (
      <div className="player-off">
        <RecordingNotice recording={media.recording} error={error} onRetry={retry} />
        {/* Without turns the note about how they were timed says nothing. */}
        {media.alignment.note && media.alignment.turns.length ? <p className="align-note small" role="note">{media.alignment.note}</p> : null}
      </div>
    )
  }
  return <Ready media={media} call={call} />
}
