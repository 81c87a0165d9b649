// Review queues (Review next over a saved view, in its order, remembering the place), the call
// list's review filter both ways (attached workspace SQL and id lists) and the review columns,
// and the review:* channels through the real dispatch.
import { afterEach, describe, expect, it } from 'vitest'
import type { ReviewFilter } from '@shared/review'
import { attachWorkspace, reviewSortSql, reviewWhere } from '../../src/main/review/reviewFilter'
import { ReviewService } from '../../src/main/review/review.service'
import { createServices } from '../../src/main/services'
import { tempDir } from '../support/tempDir'
import { testEncryptor } from '../support/testEncryptor'
import { RUBRIC, world, type World } from './review-fixtures'

const worlds: World[] = []
const make = (opts?: Parameters<typeof world>[0]) => {
  const w = world(opts)
  worlds.push(w)
  return w
}
afterEach(() => worlds.splice(0).forEach((w) => w.cleanup()))

const layout = { columns: ['createdAt' as const, 'id' as const], widths: {} }

describe('Review next', () => {
  it('walks the view in its order, skips reviewed calls, remembers the place and wraps around', () => {
    const w = make({ calls: 6 })
    // Oldest first: the calls' ids in that order.
    const ids = w.calls.map((c) => c.id)
    const view = w.views.save({ name: 'Queue', query: { sortBy: 'createdAt', sortOrder: 'asc', limit: 2 }, layout })
    expect(w.review.next(view.id)).toBe(ids[0])
    w.review.setStatus(ids[0]!, 'done')
    w.review.setStatus(ids[2]!, 'in_review')
    expect(w.review.next(view.id)).toBe(ids[1])
    // The reviewer skips ids[1] without marking it: the queue still moves on past ids[2].
    expect(w.review.next(view.id)).toBe(ids[3])
    // The place survives a restart (it is in the workspace, not in memory).
    const again = new ReviewService({ workspace: w.store.workspace, query: w.store.query, views: w.views, author: () => 'Ana' })
    expect(again.queue.position(view.id)).toBe(ids[3])
    expect(again.next(view.id)).toBe(ids[4])
    w.review.setStatus(ids[3]!, 'done')
    expect(w.review.next(view.id)).toBe(ids[5])
    // Past the end it wraps to the calls still unreviewed: the skipped one.
    expect(w.review.next(view.id)).toBe(ids[1])
    for (const id of ids) w.review.setStatus(id, 'done')
    expect(w.review.next(view.id)).toBeNull()
    w.review.setStatus(ids[4]!, 'unreviewed')
    expect(w.review.next(view.id)).toBe(ids[4])
  })

  it('follows the view filter and sort, and says when the view is gone', () => {
    const w = make({ calls: 12 })
    const completed = w.calls.filter((c) => c.status === 'completed').sort((a, b) => b.durationS - a.durationS || (a.id < b.id ? 1 : -1))
    const view = w.views.save({ name: 'Long completed', query: { statuses: ['completed'], sortBy: 'duration', sortOrder: 'desc' }, layout })
    expect(w.review.next(view.id)).toBe(completed[0]!.id)
    expect(w.review.next(view.id)).toBe(completed[1]!.id)
    w.views.delete(view.id)
    expect(() => w.review.next(view.id)).toThrow(/no longer exists/)
  })
})

describe('list filter and columns', () => {
  function prepared() {
    const w = make({ calls: 8 })
    const [a, b, c, d] = w.calls.map((x) => x.id)
    w.review.setStatus(a!, 'done')
    w.review.setStatus(b!, 'flagged')
    w.review.setStatus(c!, 'unreviewed')
    w.review.setTags(a!, ['refund', 'vip'])
    w.review.setTags(b!, ['refund'])
    w.review.setTags(d!, ['vip'])
    w.review.setTags(d!, [])
    w.review.saveAnnotation({ callId: b!, kind: 'comment', startS: 1, endS: 2, text: 'echo' })
    const gone = w.review.saveAnnotation({ callId: c!, kind: 'comment', startS: 1, endS: 2, text: 'x' })
    w.review.deleteAnnotation(gone.id)
    const rubric = w.review.saveRubric(RUBRIC)
    w.review.saveScore({ callId: a!, rubricId: rubric.id, rubricVersion: 1, answers: { greeting: true, accuracy: 4, compliance: true } })
    w.review.saveScore({ callId: b!, rubricId: rubric.id, rubricVersion: 1, answers: { greeting: true, accuracy: 4, compliance: false } })
    attachWorkspace(w.store.cache, w.paths.workspaceDb)
    return { w, a: a!, b: b!, c: c!, d: d! }
  }

  it.each<[string, ReviewFilter, (ids: Record<'a' | 'b' | 'c' | 'd', string>, all: string[]) => string[]]>([
    ['unreviewed (no row or set back)', { reviewStatuses: ['unreviewed'] }, (x, all) => all.filter((id) => id !== x.a && id !== x.b)],
    ['done or flagged', { reviewStatuses: ['done', 'flagged'] }, (x) => [x.a, x.b]],
    ['unreviewed or flagged', { reviewStatuses: ['unreviewed', 'flagged'] }, (x, all) => all.filter((id) => id !== x.a)],
    ['every tag given', { tags: ['refund', 'vip'] }, (x) => [x.a]],
    ['a removed tag no longer matches', { tags: ['vip'] }, (x) => [x.a]],
    ['has annotations', { hasAnnotations: true }, (x) => [x.b]],
    ['has no annotations', { hasAnnotations: false }, (x, all) => all.filter((id) => id !== x.b)],
    ['score range', { scoreMin: 50 }, (x) => [x.a]],
    ['auto-failed', { autoFailed: true }, (x) => [x.b]],
    ['combined', { tags: ['refund'], reviewStatuses: ['flagged'], hasAnnotations: true }, (x) => [x.b]],
  ])('%s: attached SQL and id lists agree with the expectation', (_label, filter, expected) => {
    const { w, ...x } = prepared()
    const all = w.calls.map((c) => c.id)
    const want = expected(x, all).sort()
    const where = reviewWhere(filter)!
    const viaSql = (w.store.cache.prepare(`SELECT id FROM calls WHERE ${where.sql}`).pluck().all(...where.params) as string[]).sort()
    expect(viaSql).toEqual(want)
    const set = w.review.filter(filter)!
    const viaIds = 'include' in set ? set.include : all.filter((id) => !set.exclude.includes(id))
    expect(viaIds.sort()).toEqual(want)
  })

  it('sorts by the review columns through the attached workspace', () => {
    const { w, a, b } = prepared()
    const sort = reviewSortSql()
    const byScore = w.store.cache.prepare(`SELECT id FROM calls ORDER BY ${sort.score} DESC NULLS LAST, id LIMIT 2`).pluck().all()
    expect(byScore).toEqual([a, b])
    const byCount = w.store.cache.prepare(`SELECT id FROM calls ORDER BY ${sort.annotations} DESC, id LIMIT 1`).pluck().all()
    expect(byCount).toEqual([b])
  })

  it('gives the review columns of a page of calls', () => {
    const { w, a, b, d } = prepared()
    const cols = w.review.summaries([a, b, d])
    expect(cols[a]).toEqual({ status: 'done', tags: ['refund', 'vip'], score: 100, autoFailed: false, annotations: 0 })
    expect(cols[b]).toEqual({ status: 'flagged', tags: ['refund'], score: 0, autoFailed: true, annotations: 1 })
    expect(cols[d]).toEqual({ status: 'unreviewed', tags: [], score: null, autoFailed: false, annotations: 0 })
  })
})

describe('review channels', () => {
  it('answer through dispatch and refuse bad arguments naming the channel', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir.path, encryptor: testEncryptor(), version: '1', electron: null })
    const callId = 'CALL-1-abc'
    const saved = await services.dispatch('review:saveAnnotation', [{ callId, kind: 'comment', startS: 1, endS: 4, text: 'hold music too loud' }])
    expect(saved).toMatchObject({ ok: true, value: { callId, stale: false } })
    expect(await services.dispatch('review:get', [callId])).toMatchObject({ ok: true, value: { annotations: [{ text: 'hold music too loud' }], transcriptLoaded: false } })
    for (const [channel, args] of [
      ['review:get', ['../../etc/passwd']],
      ['review:saveAnnotation', [{ callId, kind: 'comment', startS: 1, endS: 4, text: 'x', extra: true }]],
      ['review:saveAnnotation', [{ callId, kind: 'comment', text: 'no anchor' }]],
      ['review:saveAnnotation', [{ callId, kind: 'comment', startS: 1, endS: 4, text: 'x'.repeat(20_000) }]],
      ['review:setTags', [callId, ['x'.repeat(51)]]],
      ['review:setStatus', [callId, 'approved']],
      ['review:next', ['not-a-uuid']],
    ] as const) {
      const result = await services.dispatch(channel, [...args])
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect((result as { error: { message: string } }).error.message).toContain(channel)
    }
    services.close()
    dir.cleanup()
  })
})
