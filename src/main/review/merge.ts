// The one merge rule of records that travel between installs: the copy with the later updated_ms
// wins; on a tie the copies are compared by content so two installs importing each other's
// exports end with the same row whichever imported first. Equal content changes nothing, which
// is what makes importing the same file twice a no-op.
export type MergeOutcome = 'added' | 'updated' | 'unchanged'

/** `content` gives a record's canonical content (JSON of every field, in a fixed order). */
export function mergeOutcome<T extends { updatedMs: number }>(incoming: T, local: T | null, content: (r: T) => string): MergeOutcome {
  if (!local) return 'added'
  const [mine, theirs] = [content(incoming), content(local)]
  if (mine === theirs) return 'unchanged'
  if (incoming.updatedMs !== local.updatedMs) return incoming.updatedMs > local.updatedMs ? 'updated' : 'unchanged'
  return mine > theirs ? 'updated' : 'unchanged'
}

/** A timestamp for an edit that is always after the previous one, even within one millisecond. */
export function nextStamp(now: number, previous: number | null | undefined): number {
  return previous != null && now <= previous ? previous + 1 : now
}
