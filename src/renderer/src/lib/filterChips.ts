// The active filters in words, one chip each, with the patch that removes it: shown above the
// list so a reviewer always sees why the list is narrowed.
import type { CallFacets } from '@shared/query'
import { dateTime, label } from './format'
import { DATE_PRESETS, presetOf, type ListQuery } from './query'

export interface FilterChip {
  key: string
  text: string
  remove: Partial<ListQuery>
}

const range = (min: number | undefined, max: number | undefined, unit: string) =>
  min !== undefined && max !== undefined ? `${min}–${max} ${unit}` : min !== undefined ? `≥ ${min} ${unit}` : `≤ ${max} ${unit}`

function names(values: string[], facet: { value: string; label: string }[] | undefined, coded: boolean): string {
  const shown = values.slice(0, 2).map((v) => (coded ? label(v) : (facet?.find((f) => f.value === v)?.label ?? v)))
  return values.length > 2 ? `${shown.join(', ')} +${values.length - 2}` : shown.join(', ')
}

export function filterChips(q: ListQuery, facets: CallFacets | null): FilterChip[] {
  const chips: FilterChip[] = []
  if (q.text) chips.push({ key: 'text', text: `Search: “${q.text}”`, remove: { text: undefined } })
  if (q.createdFrom || q.createdTo) {
    const preset = presetOf(q)
    const text =
      preset === 'custom'
        ? `Created ${q.createdFrom ? `from ${dateTime(q.createdFrom)}` : ''}${q.createdFrom && q.createdTo ? ' ' : ''}${q.createdTo ? `to ${dateTime(q.createdTo)}` : ''}`
        : `Created: ${DATE_PRESETS.find((p) => p.id === preset)?.label.toLowerCase()}`
    chips.push({ key: 'date', text, remove: { createdFrom: undefined, createdTo: undefined } })
  }
  const lists: [keyof ListQuery, string, keyof CallFacets, boolean][] = [
    ['statuses', 'Status', 'statuses', true],
    ['types', 'Type', 'types', true],
    ['reasons', 'Ended because', 'reasons', true],
    ['agentIds', 'Agent', 'agents', false],
    ['campaignIds', 'Campaign', 'campaigns', false],
  ]
  for (const [key, title, facet, coded] of lists) {
    const values = q[key] as string[] | undefined
    if (values?.length) chips.push({ key, text: `${title}: ${names(values, facets?.[facet], coded)}`, remove: { [key]: undefined } })
  }
  const ranges: [string, number | undefined, number | undefined, string, string][] = [
    ['duration', q.durationMin, q.durationMax, 'Duration', 's'],
    ['cost', q.costMin, q.costMax, 'Cost', 'credits'],
    ['latency', q.latencyMin, q.latencyMax, 'Latency', 'ms'],
  ]
  for (const [key, min, max, title, unit] of ranges) {
    if (min !== undefined || max !== undefined) chips.push({ key, text: `${title} ${range(min, max, unit)}`, remove: { [`${key}Min`]: undefined, [`${key}Max`]: undefined } })
  }
  if (q.hasRecording !== undefined) chips.push({ key: 'rec', text: q.hasRecording ? 'With recording' : 'Without recording', remove: { hasRecording: undefined } })
  if (q.isTest !== undefined) chips.push({ key: 'test', text: q.isTest ? 'Only test calls' : 'No test calls', remove: { isTest: undefined } })
  for (const d of q.dispositions ?? []) {
    chips.push({ key: `disp-${d.identifier}`, text: `${d.identifier}: ${d.values.join(', ')}`, remove: { dispositions: q.dispositions!.filter((x) => x !== d) } })
  }
  const r = q.review
  if (r) {
    const parts = [
      r.reviewStatuses?.length ? r.reviewStatuses.map((s) => label(s)).join(' or ') : null,
      r.hasAnnotations === undefined ? null : r.hasAnnotations ? 'annotated' : 'not annotated',
      r.scoreMin !== undefined || r.scoreMax !== undefined ? `score ${range(r.scoreMin, r.scoreMax, '')}`.trim() : null,
      r.tags?.length ? `tagged ${r.tags.join(' + ')}` : null,
      r.autoFailed === undefined ? null : r.autoFailed ? 'auto-failed' : 'not auto-failed',
    ].filter(Boolean)
    if (parts.length) chips.push({ key: 'review', text: `Review: ${parts.join(', ')}`, remove: { review: undefined } })
  }
  return chips
}
