// Workspace settings: each field is saved when it changes and validated by main; a refusal is
// shown under the form in main's words.
import { useState, type FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Settings } from '@shared/settings'
import { useStore } from '../../store'

type Draft = Record<Exclude<keyof Settings, 'demo'>, string>

const toDraft = (s: Settings): Draft => ({
  baseUrl: s.baseUrl,
  syncIntervalMin: String(s.syncIntervalMin),
  requestsPerSecond: String(s.requestsPerSecond),
  recordingBudgetMb: String(s.recordingBudgetMb),
  agentChannel: s.agentChannel,
  latencyWarnMs: String(s.latencyWarnMs),
  latencyBadMs: String(s.latencyBadMs),
  reviewerName: s.reviewerName,
})

const NUMERIC = new Set(['syncIntervalMin', 'requestsPerSecond', 'recordingBudgetMb', 'latencyWarnMs', 'latencyBadMs'])

export function SettingsForm() {
  const { settings, error, saved, update } = useStore(useShallow((s) => ({ settings: s.settings, error: s.settingsError, saved: s.settingsSaved, update: s.updateSettings })))
  const [draft, setDraft] = useState<Draft | null>(settings ? toDraft(settings) : null)
  // Saved (or reloaded) settings replace the draft.
  const [shown, setShown] = useState(settings)
  if (shown !== settings) {
    setShown(settings)
    setDraft(settings ? toDraft(settings) : null)
  }
  if (!draft || !settings) return null

  const field = (key: keyof Draft, title: string, hint: string, type = 'text') => (
    <label className="field">
      <span>{title}</span>
      <input type={type} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
      <small className="muted">{hint}</small>
    </label>
  )
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const patch: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(draft)) {
      const next = NUMERIC.has(key) ? (value.trim() === '' ? NaN : Number(value)) : value
      if (next !== settings[key as keyof Settings]) patch[key] = next
    }
    if (Object.keys(patch).length) await update(patch as Partial<Settings>)
  }
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="workspace-title">
      <h2 id="workspace-title">Workspace</h2>
      {field('baseUrl', 'API base URL', 'Where the Atoms API answers. Change only for a proxy or a test server.')}
      {field('syncIntervalMin', 'Sync every (minutes)', '0 syncs only when you press Sync now.', 'number')}
      {field('requestsPerSecond', 'API requests per second', "Your plan's rate limit (Free 10, Pro 100). Earmark slows down by itself when the API says so.", 'number')}
      {field('recordingBudgetMb', 'Recordings storage (MB)', 'Downloads for offline listening stop at this size.', 'number')}
      <label className="field">
        <span>Agent channel</span>
        <select value={draft.agentChannel} onChange={(e) => setDraft({ ...draft, agentChannel: e.target.value })}>
          <option value="auto">Detect from the audio</option>
          <option value="0">Left channel is the agent</option>
          <option value="1">Right channel is the agent</option>
        </select>
        <small className="muted">Which side of a stereo recording is the agent.</small>
      </label>
      {field('latencyWarnMs', 'Slow response from (ms)', 'Agent responses slower than this are marked amber.', 'number')}
      {field('latencyBadMs', 'Too slow from (ms)', 'Agent responses slower than this are marked red.', 'number')}
      {field('reviewerName', 'Reviewer name', 'Shown on your reviews and annotations.')}
      <div className="row">
        <button type="submit" className="btn btn-primary">Save settings</button>
        {saved && !error ? <span className="muted" role="status">Saved</span> : null}
      </div>
      {error ? <p className="banner banner-error" role="alert">{error}</p> : null}
    </form>
  )
}
