// Scorecards are versioned: what to offer is the newest version of each.
import type { Rubric } from '@shared/review'

export function newestVersions(rubrics: Rubric[]): Rubric[] {
  const newest = new Map<string, Rubric>()
  for (const r of rubrics) if ((newest.get(r.id)?.version ?? -1) < r.version) newest.set(r.id, r)
  return [...newest.values()]
}
