// Annotated transcripts for training sets (JSONL, one call per line): every turn with its
// correction applied (the original text kept beside it), its labels and comments, plus the call's
// tags, status and scores. Transcripts come from the cache; a call not synced yet is skipped and
// counted. A correction whose turn has changed since (stale) is not applied: it was written
// against other text, so it is counted instead of corrupting the training line.
import type { Annotation } from '@shared/review'
import { anchor } from './anchor'
import { writeLines } from './fileOut'
import type { ReviewService } from './review.service'

export interface TranscriptExportCounts {
  calls: number
  /** Annotated calls whose transcript is not in the cache (sync them first). */
  skipped: number
  /** Annotations not applied because their turn's text changed since they were written. */
  stale: number
}

interface TurnOut {
  index: number
  role: string
  text: string
  originalText?: string
  corrected: boolean
  labels: string[]
  comments: string[]
}

/** The annotations grouped by call, in call order (the repo reads them sorted by call). */
export function* byCall(annotations: Iterable<Annotation>): Generator<Annotation[]> {
  let group: Annotation[] = []
  for (const a of annotations) {
    if (group.length && group[0]!.callId !== a.callId) {
      yield group
      group = []
    }
    group.push(a)
  }
  if (group.length) yield group
}

export function exportTranscripts(review: ReviewService, outFile: string): TranscriptExportCounts {
  const counts: TranscriptExportCounts = { calls: 0, skipped: 0, stale: 0 }
  const groups = [...byCall(review.annotations.live())]
  writeLines(
    outFile,
    (function* () {
      for (const group of groups) {
        const line = callLine(review, group, counts)
        if (line) yield line
      }
    })(),
  )
  return counts
}

function callLine(review: ReviewService, group: Annotation[], counts: TranscriptExportCounts): string | null {
  const callId = group[0]!.callId
  const found = review.transcript(callId)
  if (!found) {
    counts.skipped++
    return null
  }
  const views = anchor(group, found)
  const turns: TurnOut[] = found.map((t) => ({ index: t.index, role: t.role, text: t.text, corrected: false, labels: [], comments: [] }))
  const ranges: Pick<Annotation, 'kind' | 'startS' | 'endS' | 'label' | 'text'>[] = []
  // Oldest first, so the latest correction of a turn is the one that stays.
  for (const a of [...views].sort((x, y) => x.updatedMs - y.updatedMs)) {
    if (a.turnIndex === null) {
      ranges.push({ kind: a.kind, startS: a.startS, endS: a.endS, label: a.label, text: a.text })
      continue
    }
    const turn = turns[a.turnIndex]
    if (a.stale || !turn) {
      counts.stale++
      continue
    }
    if (a.kind === 'correction') Object.assign(turn, { originalText: turn.originalText ?? turn.text, text: a.text, corrected: true })
    else if (a.kind === 'label') turn.labels.push(a.label!)
    else turn.comments.push(a.text)
  }
  counts.calls++
  // Status, tags and scores straight from their repos: review.get would read and anchor it all again.
  return JSON.stringify({
    callId,
    status: review.status.get(callId)?.status ?? 'unreviewed',
    tags: review.tags.ofCall(callId),
    scores: review.scores.ofCall(callId).map((s) => ({ rubricId: s.rubricId, rubricVersion: s.rubricVersion, total: s.total, autoFailed: s.autoFailed })),
    turns,
    ranges,
  })
}
