// Review queues (Review next over a saved view, in its order, remembering the place), the call
// list's review filter (SQL over the attached workspace, checked against explicit calls) and the review columns,
// and the review:* channels through the real dispatch.
import { afterEach, describe, expect, it } from 'vitest'
import type { ReviewFilter } from '@shared/review'
import { reviewWhere } from '../../src/main/store/reviewFilter'
import { ReviewService } from '../../src/main/review/review.service'
import { createServices } from '../../src/main/services'
import { tempDir } from '../support/tempDir'
import { testEncryptor } from '../support/testEncryptor'
import { RUBRIC, worldsPerTest } from './review-fixtures'

const worlds = worldsPerTest()
const make = worlds.make
afterEach(worlds.cleanup)

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
  /** Eight calls a..h: a done, b flagged, c set back to unreviewed; tags, annotations and scores on a few. */
  function prepared() {
    const w = make({ calls: 8 })
    const id = Object.fromEntries(w.calls.map((c, i) => ['abcdefgh'[i]!, c.id])) as Record<string, string>
    w.review.setStatus(id.a!, 'done')
    w.review.setStatus(id.b!, 'flagged')
    w.review.setStatus(id.c!, 'unreviewed')
    w.review.setTags(id.a!, ['refund', 'vip'])
    w.review.setTags(id.b!, ['refund'])
    w.review.setTags(id.d!, ['vip'])
    w.review.setTags(id.d!, [])
    w.review.saveAnnotation({ callId: id.b!, kind: 'comment', startS: 1, endS: 2, text: 'echo' })
    const gone = w.review.saveAnnotation({ callId: id.c!, kind: 'comment', startS: 1, endS: 2, text: 'x' })
    w.review.deleteAnnotation(gone.id)
    const rubric = w.review.saveRubric(RUBRIC)
    w.review.saveScore({ callId: id.a!, rubricId: rubric.id, rubricVersion: 1, answers: { greeting: true, accuracy: 4, compliance: true } })
    w.review.saveScore({ callId: id.b!, rubricId: rubric.id, rubricVersion: 1, answers: { greeting: true, accuracy: 4, compliance: false } })
    return { w, id }
  }

  it.each<[string, ReviewFilter, string]>([
    ['unreviewed (no row or set back)', { reviewStatuses: ['unreviewed'] }, 'cdefgh'],
    ['done or flagged', { reviewStatuses: ['done', 'flagged'] }, 'ab'],
    ['unreviewed or flagged', { reviewStatuses: ['unreviewed', 'flagged'] }, 'bcdefgh'],
    ['every tag given', { tags: ['refund', 'vip'] }, 'a'],
    ['a removed tag no longer matches', { tags: ['vip'] }, 'a'],
    ['has annotations', { hasAnnotations: true }, 'b'],
    ['has no annotations', { hasAnnotations: false }, 'acdefgh'],
    ['score range', { scoreMin: 50 }, 'a'],
    ['score range up to a maximum', { scoreMax: 10 }, 'b'],
    ['auto-failed', { autoFailed: true }, 'b'],
    ['not auto-failed (unscored included)', { autoFailed: false }, 'acdefgh'],
    ['combined', { tags: ['refund'], reviewStatuses: ['flagged'], hasAnnotations: true }, 'b'],
  ])('%s: the SQL over the attached workspace keeps exactly the expected calls', (_label, filter, expected) => {
    const { w, id } = prepared()
    const want = [...expected].map((k) => id[k]!).sort()
    const where = reviewWhere(filter)!
    const viaSql = (w.store.cache.prepare(`SELECT id FROM calls WHERE ${where.sql}`).pluck().all(...where.params) as string[]).sort()
    expect(viaSql).toEqual(want)
    // The call list answers the same filter with the same calls.
    expect(w.store.query.list({ review: filter, limit: 100 }).rows.map((r) => r.id).sort()).toEqual(want)
  })

  it('binds the values and names the attached schema', () => {
    expect(reviewWhere({})).toBeNull()
    const where = reviewWhere({ reviewStatuses: ['done'], tags: ['vip'], scoreMin: 20 }, 'other')!
    expect(where.params).toEqual(['done', 'vip', 20, 100])
    expect(where.sql).toContain('other.review_status')
    expect(where.sql).not.toMatch(/\bws\./)
    expect(where.sql).not.toContain('vip')
  })

  it('filters on the newest score of a call scored with several scorecards, as the Score column shows', () => {
    const { w, id } = prepared()
    const second = w.review.saveRubric({ ...RUBRIC, name: 'Second' })
    // a: 100 with the first scorecard, then 0 (auto-failed) with the second, which is newer.
    w.review.saveScore({ callId: id.a!, rubricId: second.id, rubricVersion: 1, answers: { greeting: true, accuracy: 4, compliance: false } })
    expect(w.store.query.list({ limit: 100 }).rows.find((r) => r.id === id.a)!.review).toMatchObject({ score: 0, autoFailed: true })
    const ids = (review: ReviewFilter) => w.store.query.list({ review, limit: 100 }).rows.map((r) => r.id).sort()
    expect(ids({ scoreMin: 50 })).toEqual([])
    expect(ids({ scoreMax: 10 })).toEqual([id.a!, id.b!].sort())
    expect(ids({ autoFailed: true })).toEqual([id.a!, id.b!].sort())
  })

  it('gives the review columns of a page of calls', () => {
    const { w, id } = prepared()
    const cols = new Map(w.store.query.list({ limit: 100 }).rows.map((r) => [r.id, r.review]))
    expect(cols.get(id.a!)).toEqual({ status: 'done', tags: ['refund', 'vip'], score: 100, autoFailed: false, annotations: 0 })
    expect(cols.get(id.b!)).toEqual({ status: 'flagged', tags: ['refund'], score: 0, autoFailed: true, annotations: 1 })
    expect(cols.get(id.d!)).toEqual({ status: 'unreviewed', tags: [], score: null, autoFailed: false, annotations: 0 })
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
    // Undo names the call it acts on: another call has nothing to undo, this one loses the annotation.
    expect(await services.dispatch('review:undo', ['CALL-2-abc'])).toEqual({ ok: true, value: null })
    expect(await services.dispatch('review:undo', [callId])).toMatchObject({ ok: true, value: { callId, annotations: [] } })
    for (const [channel, args] of [
      ['review:get', ['../../etc/passwd']],
      ['review:saveAnnotation', [{ callId, kind: 'comment', startS: 1, endS: 4, text: 'x', extra: true }]],
      ['review:saveAnnotation', [{ callId, kind: 'comment', text: 'no anchor' }]],
      ['review:saveAnnotation', [{ callId, kind: 'comment', startS: 1, endS: 4, text: 'x'.repeat(20_000) }]],
      ['review:setTags', [callId, ['x'.repeat(51)]]],
      ['review:setStatus', [callId, 'approved']],
      ['review:next', ['not-a-uuid']],
      ['review:undo', []],
      ['review:undo', ['../x']],
    ] as const) {
      const result = await services.dispatch(channel, [...args])
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect((result as { error: { message: string } }).error.message).toContain(channel)
    }
    services.close()
    dir.cleanup()
  })
})
