// Review edits made quickly and the keys around them, in Chromium over the real services: answers
// and tags given before main answered are all kept and reach main in order, the new-annotation
// form starts afresh on another turn, Esc in it leaves the call open, Ctrl+Shift+Z does nothing,
// keys the call list does not use reach the open call, and the review filters follow the query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallReview, Rubric } from '@shared/review'
import type { Emulator } from '../../src/emulator/server'
import type { Harness } from './harness'
import { invokeAs, openCall, startPlayerFixture } from './playerSupport'
import { listState, recordListRequests } from './support'

let h: Harness
let emu: Emulator
let callId: string
let rubric: Rubric

const review = () => invokeAs<CallReview>(h, 'review:get', [callId])
const panel = () => h.page.getByRole('region', { name: 'Review' })
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Records review:* requests in order; the channels in `slow` answer only after `ms`. */
function recordReview(slow: string[] = [], ms = 0): { requests: [string, unknown[]][]; stop(): void } {
  const original = h.services.dispatch
  const requests: [string, unknown[]][] = []
  h.services.dispatch = async (channel, args) => {
    if (channel.startsWith('review:') && channel !== 'review:get' && !channel.endsWith('Suggestions')) requests.push([channel, args])
    if (slow.includes(channel)) await tick(ms)
    return original(channel, args)
  }
  return { requests, stop: () => void (h.services.dispatch = original) }
}

beforeAll(async () => {
  ;({ h, emu, callId } = await startPlayerFixture())
  rubric = await invokeAs<Rubric>(h, 'review:saveRubric', [{
    name: 'Quick QA',
    items: [
      { id: 'greet', label: 'Greeted', weight: 1, kind: 'passfail', autoFail: false },
      { id: 'solve', label: 'Solved', weight: 1, kind: 'scale', scaleMax: 4, autoFail: false },
    ],
  }])
  await openCall(h, callId)
}, 120_000)
afterAll(async () => {
  await h?.close()
  await emu?.close()
})

describe('quick review edits', () => {
  it('keeps every scorecard answer and tag given before main answered, saved in order', async () => {
    const rec = recordReview(['review:saveScore', 'review:setTags'], 300)
    const card = h.page.locator('.scorecard')
    await card.getByRole('group', { name: 'Greeted' }).getByRole('button', { name: 'Pass' }).click()
    await card.getByRole('group', { name: 'Solved' }).getByRole('button', { name: '3', exact: true }).click()
    // Shown at once, before main has stored either.
    expect(await card.getByRole('group', { name: 'Greeted' }).getByRole('button', { name: 'Pass' }).getAttribute('aria-pressed')).toBe('true')
    const box = panel().getByLabel('Add a tag')
    for (const tag of ['alpha', 'beta']) await box.fill(tag).then(() => box.press('Enter'))
    await panel().getByRole('button', { name: 'Remove tag alpha' }).click()
    await expect.poll(async () => (await review()).tags).toEqual(['beta'])
    await expect.poll(async () => (await review()).scores[0]?.answers).toEqual({ greet: true, solve: 3 })
    expect((await review()).scores[0]).toMatchObject({ rubricId: rubric.id, total: 87.5 })
    rec.stop()
    expect(rec.requests.filter(([c]) => c === 'review:setTags').map(([, a]) => a[1])).toEqual([['alpha'], ['alpha', 'beta'], ['beta']])
    // Nothing was removed that the reviewer did not remove: the only tombstone is alpha's.
    const rows = h.services.store.workspace.prepare('SELECT tag, deleted FROM call_tags WHERE call_id = ? ORDER BY tag').all(callId)
    expect(rows).toEqual([{ tag: 'alpha', deleted: 1 }, { tag: 'beta', deleted: 0 }])
  })

  it('starts the new-annotation form afresh on another turn', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Annotate turn 2' }).click()
    await page.getByRole('form', { name: 'New annotation' }).getByLabel('Comment').fill('typed for turn 2')
    await page.getByRole('button', { name: 'Annotate turn 3' }).click()
    const form = page.getByRole('form', { name: 'New annotation' })
    await expect.poll(() => form.textContent()).toContain('Turn 3')
    expect(await form.getByLabel('Comment').inputValue()).toBe('')
  })

  it('closes the form on Esc and leaves the call open', async () => {
    const { page } = h
    const form = page.getByRole('form', { name: 'New annotation' })
    await form.getByRole('radio', { name: 'Label' }).focus()
    await page.keyboard.press('Escape')
    await form.waitFor({ state: 'detached' })
    expect(await page.getByRole('region', { name: 'Call detail' }).count()).toBe(1)
    expect(await page.getByTestId('call-player').count()).toBe(1)
  })

  it('undoes this call with Ctrl+Z only; from the call list, keys the list does not use act on the open call', async () => {
    const { page } = h
    await invokeAs(h, 'review:saveAnnotation', [{ callId, kind: 'comment', startS: 1, endS: 2, text: 'to undo' }])
    await page.reload()
    await openCall(h, callId)
    await panel().getByText('to undo').waitFor()
    const rec = recordReview()
    await page.locator('[role="grid"]').focus()
    await page.keyboard.press('Shift+D')
    await expect.poll(async () => (await review()).status?.status).toBe('done')
    // Space is not the list's: it plays the call opened from it.
    await page.keyboard.press(' ')
    await expect.poll(() => page.getByTestId('call-player').getAttribute('data-playing')).toBe('true')
    await page.keyboard.press(' ')
    await expect.poll(() => page.getByTestId('call-player').getAttribute('data-playing')).toBe('false')
    await page.getByRole('button', { name: 'Close call' }).focus()
    await page.keyboard.press('Control+Shift+Z')
    await page.keyboard.press('Shift+G')
    await expect.poll(async () => (await review()).status?.status).toBe('flagged')
    await page.keyboard.press('Control+Z')
    await expect.poll(() => rec.requests.length).toBe(3)
    rec.stop()
    expect(rec.requests).toEqual([['review:setStatus', [callId, 'done']], ['review:setStatus', [callId, 'flagged']], ['review:undo', [callId]]])
  })
})

describe('review filters', () => {
  const scoreFrom = () => h.page.getByLabel('Score from')
  const tagsBox = () => h.page.getByLabel('Tags (all of)')

  it('show the query after a chip removal or Clear all, and apply nothing on an unchanged blur', async () => {
    const { page } = h
    await page.getByRole('button', { name: 'Close call' }).click()
    await page.getByRole('searchbox', { name: 'Search calls' }).fill('')
    await scoreFrom().fill('50')
    await tagsBox().fill('beta')
    await tagsBox().press('Enter')
    await expect.poll(async () => (await listState(h))?.query.review).toEqual({ scoreMin: 50, tags: ['beta'] })
    await page.getByRole('button', { name: /^Remove filter Review/ }).click()
    await expect.poll(() => scoreFrom().inputValue()).toBe('')
    expect(await tagsBox().inputValue()).toBe('')
    // A blur now must not bring the removed filter back.
    await scoreFrom().focus()
    await tagsBox().focus()
    await scoreFrom().focus()
    await tick(300)
    expect((await listState(h))?.query.review).toBeUndefined()
    await tagsBox().fill('beta')
    await tagsBox().press('Enter')
    await expect.poll(async () => (await listState(h))?.query.review).toEqual({ tags: ['beta'] })
    // Focus leaving a box whose value is the query's changes nothing: no new list request.
    const list = recordListRequests(h)
    await tagsBox().focus()
    await scoreFrom().focus()
    await tagsBox().focus()
    await tick(300)
    list.stop()
    expect(list.requests).toEqual([])
    await page.getByRole('list', { name: 'Active filters' }).getByRole('button', { name: 'Clear all' }).click()
    await expect.poll(() => tagsBox().inputValue()).toBe('')
    await tagsBox().blur()
    await tick(300)
    expect((await listState(h))?.query.review).toBeUndefined()
  })
})
