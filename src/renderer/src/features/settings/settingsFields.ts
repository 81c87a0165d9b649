// The settings form's fields: label, hint, and a check that explains a bad value in words before
// main is asked (main checks again; its refusal is mapped back to the field).
import type { Settings } from '@shared/settings'
import { count } from '../../lib/format'

export type FieldKey = Exclude<keyof Settings, 'demo'>
export type Draft = Record<FieldKey, string>

export interface FieldDef {
  key: FieldKey
  label: string
  hint: string
  kind: 'text' | 'number' | 'select'
  options?: { value: string; label: string }[]
  /** Returns the value to save, or a message saying what is wrong. */
  parse: (raw: string, draft: Draft) => { value: unknown } | { error: string }
}

const whole = (min: number, max: number, what: string) => (raw: string) => {
  const n = Number(raw.trim())
  if (raw.trim() === '' || !Number.isInteger(n)) return { error: `Enter ${what} as a whole number.` }
  if (n < min || n > max) return { error: `Enter ${what} between ${count(min)} and ${count(max)}.` }
  return { value: n }
}

export const FIELDS: FieldDef[] = [
  {
    key: 'baseUrl', label: 'API base URL', kind: 'text', hint: 'Where the Atoms API answers. Change only for a proxy or a test server.',
    parse: (raw) => {
      try {
        const url = new URL(raw.trim())
        return /^https?:$/.test(url.protocol) ? { value: raw.trim() } : { error: 'The address must start with https:// (or http://).' }
      } catch {
        return { error: 'Enter a full address, such as https://api.smallest.ai/atoms/v1.' }
      }
    },
  },
  { key: 'syncIntervalMin', label: 'Sync every (minutes)', kind: 'number', hint: '0 syncs only when you press Sync now.', parse: whole(0, 1440, 'the minutes') },
  {
    key: 'requestsPerSecond', label: 'API requests per second', kind: 'number', hint: "Your plan's rate limit (Free 10, Pro 100). Earmark slows down by itself when the API asks.",
    parse: (raw) => {
      const n = Number(raw.trim())
      return raw.trim() === '' || !Number.isFinite(n) || n < 0.5 || n > 200 ? { error: 'Enter a rate between 0.5 and 200 requests per second.' } : { value: n }
    },
  },
  { key: 'recordingBudgetMb', label: 'Recordings storage (MB)', kind: 'number', hint: 'Downloads for offline listening stop at this size. 0 keeps none.', parse: whole(0, 1_000_000, 'the megabytes') },
  {
    key: 'agentChannel', label: 'Agent channel', kind: 'select', hint: 'Which side of a stereo recording is the agent, unless a call says otherwise.',
    options: [
      { value: 'auto', label: 'Detect from the audio' },
      { value: '0', label: 'Left channel is the agent' },
      { value: '1', label: 'Right channel is the agent' },
    ],
    parse: (raw) => ({ value: raw }),
  },
  { key: 'latencyWarnMs', label: 'Slow response from (ms)', kind: 'number', hint: 'Agent responses at least this slow are marked amber.', parse: whole(0, 60_000, 'the milliseconds') },
  {
    key: 'latencyBadMs', label: 'Too slow from (ms)', kind: 'number', hint: 'Agent responses at least this slow are marked red.',
    parse: (raw, draft) => {
      const base = whole(0, 60_000, 'the milliseconds')(raw)
      if ('error' in base) return base
      const warn = Number(draft.latencyWarnMs)
      return Number.isFinite(warn) && (base.value as number) <= warn ? { error: `Must be above the slow threshold (${warn} ms).` } : base
    },
  },
  {
    key: 'reviewerName', label: 'Reviewer name', kind: 'text', hint: 'Shown on your reviews and annotations.',
    parse: (raw) => (raw.trim().length > 100 ? { error: 'Keep the name under 100 characters.' } : { value: raw.trim() }),
  },
]

export const toDraft = (s: Settings): Draft => Object.fromEntries(FIELDS.map((f) => [f.key, String(s[f.key])])) as Draft

/** Main's refusal ("Setting key: reason") belongs to a field when it names one. */
export function fieldOfError(message: string): { key: FieldKey; text: string } | null {
  const m = /^Setting (\w+): (.*)$/.exec(message)
  const field = m && FIELDS.find((f) => f.key === m[1])
  return field ? { key: field.key, text: `Earmark refused this value: ${m![2]}` } : null
}
