// Why there is no waveform, in words: the recording is not made yet, failed to download, or the
// call has none; or the player could not ask main at all. Retry asks main again.
import type { RecordingState } from '@shared/media'

const TITLES = { pending: 'Recording not available yet', failed: 'The recording could not be downloaded', none: 'No recording for this call' }

export function RecordingNotice({ recording, error, onRetry }: { recording: RecordingState | null; error: string | null; onRetry: () => void }) {
  if (error) {
    return (
      <div className="banner banner-error player-notice" role="alert" data-recording="error">
        <p><strong>The recording could not be opened.</strong> {error}</p>
        <button type="button" className="btn btn-small" onClick={onRetry}>Retry</button>
      </div>
    )
  }
  if (!recording || recording.state === 'ready') return null
  const retry = recording.state !== 'none'
  return (
    <div className={`banner ${recording.state === 'failed' ? 'banner-error' : 'banner-warning'} player-notice`} role={recording.state === 'none' ? 'status' : 'alert'} data-recording={recording.state}>
      <p><strong>{TITLES[recording.state]}.</strong> {recording.message}</p>
      {retry ? <button type="button" className="btn btn-small" onClick={onRetry}>Retry</button> : null}
    </div>
  )
}
