// The review workflow in Chromium over the real services and emulator: a scorecard made in
// Settings, a correction on a turn shown inline, a comment on a waveform range drawn as a region,
// a score with its total, tags, the review status with who set it, undo, and the export the CLI
// writes from what the page stored.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallReview } from '@shared/review'
import { runCli } from '../../src/cli/main'
import type { Emulator } from '../../src/emulator/server'
import type { Harness } from './harness'
import { invokeAs, openCall, startPlayerFixture } from './playerSupport'

let h: Harness
let emu: Emulator
let callId: string

const review = () => invokeAs<CallReview>(h, 'review:get', [callId])
const panel = () => h.page.getByRole('region', { name: 'Review' })
const nav = (name: string) => h.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name }).click()

beforeAll(async () => {
  ;({ h, emu, callId } = await startPlayerFixture())
  h.services.settings.update({ reviewerName: 'Ana Reviewer' })
}, 120_000)
afterAll(async () => {
  await h?.close()
  await emu?.close()
})

describe('review workflow', () => {
  it('makes a scorecard in Settings', async () => {
    const { page } = h
    await nav('Settings')
    await page.getByRole('button', { name: 'New scorecard' }).click()
    await page.getByLabel('Scorecard name').fill('Support QA')
    await page.getByLabel('Question').fill('Greeted the caller')
    await page.getByRole('button', { name: 'Add item' }).click()
    await page.getByLabel('Question').nth(1).fill('Solved the problem')
    await page.getByLabel('Answer type').nth(1).selectOption('scale')
    await page.getByLabel('Weight').nth(1).fill('3')
    await page.getByRole('button', { name: 'Create scorecard' }).click()
    await page.getByText('Saved “Support QA” as version 1.').waitFor()
    const [rubric] = await invokeAs<{ name: string; items: { kind: string; weight: number }[] }[]>(h, 'review:listRubrics', [])
    expect(rubric).toMatchObject({ name: 'Support QA', items: [{ kind: 'passfail', weight: 1 }, { kind: 'scale', weight: 3 }] })
    await h.screenshot('review-scorecard-editor')
    await nav('Calls')
  })

  it('corrects a turn and shows the correction beside the original text', async () => {
    const { page } = h
    await openCall(h, callId)
    await page.getByRole('button', { name: 'Annotate turn 2' }).click()
    const form = page.getByRole('form', { name: 'New annotation' })
    await form.getByRole('radio', { name: 'Correction' }).click()
    const original = await page.locator('.call-transcript [data-turn="1"] .turn-text').textContent()
    expect(await form.getByLabel('Corrected text').inputValue()).toBe(original)
    await form.getByLabel('Corrected text').fill('I would like a refund, please.')
    await form.getByRole('button', { name: 'Save' }).click()
    await page.locator('.call-transcript [data-turn="1"] .turn-correction').getByText('I would like a refund, please.').waitFor()
    const [a] = (await review()).annotations
    expect(a).toMatchObject({ kind: 'correction', turnIndex: 1, text: 'I would like a refund, please.', author: 'Ana Reviewer', stale: false })
  })

  it('comments on a range of the recording, drawn on the waveform', async () => {
    const { page } = h
    await panel().getByRole('button', { name: 'Annotate a range' }).click()
    const form = page.getByRole('form', { name: 'New annotation' })
    await form.getByLabel('Comment').fill('Long silence before the answer')
    await form.getByRole('button', { name: 'Save' }).click()
    await expect.poll(async () => (await review()).annotations.length).toBe(2)
    const range = (await review()).annotations.find((a) => a.kind === 'comment')!
    expect(range.endS! - range.startS!).toBeCloseTo(4, 1)
    await expect.poll(() => page.locator(`[part~="annotation-${range.id}"]`).count()).toBe(1)
  })

  it('scores the call, tags it and marks it done, with who and when', async () => {
    const { page } = h
    const card = page.locator('.scorecard')
    await card.getByRole('group', { name: 'Greeted the caller' }).getByRole('button', { name: 'Pass' }).click()
    await card.getByRole('group', { name: 'Solved the problem' }).getByRole('button', { name: '3', exact: true }).click()
    // (1 × pass + 3 × 3/5) / (1 + 3) = 70 %
    await expect.poll(() => page.getByTestId('score-total').textContent()).toContain('70 / 100')
    await panel().getByLabel('Add a tag').fill('billing')
    await panel().getByLabel('Add a tag').press('Enter')
    await panel().getByRole('button', { name: 'Done' }).click()
    await expect.poll(async () => (await review()).status?.status).toBe('done')
    const r = await review()
    expect(r.status?.author).toBe('Ana Reviewer')
    expect(r.tags).toEqual(['billing'])
    expect(r.scores[0]).toMatchObject({ total: 70, complete: true, autoFailed: false })
    // The list beside the call shows it too: its review, score and tags columns.
    const row = page.locator(`[role="row"][data-call-id="${callId}"]`)
    await row.locator('.chip.review-done').waitFor()
    expect(await row.getByRole('gridcell').filter({ hasText: /^70$/ }).count()).toBe(1)
    await h.screenshot('review-call')
  })

  it('undoes the last annotation change', async () => {
    const before = (await review()).annotations.length
    await panel().getByRole('button', { name: 'Undo' }).click()
    await expect.poll(async () => (await review()).annotations.length).toBe(before - 1)
  })

  it('exports what was written as JSONL with the CLI', async () => {
    const out = join(h.services.paths.root, 'review.jsonl')
    let stderr = ''
    const code = await runCli(['annotations', 'export', '--format', 'jsonl', '--out', out], {
      stdout: () => {}, stderr: (t) => (stderr += t), env: { EARMARK_DATA_DIR: h.services.paths.root }, interactive: false,
    })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const records = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { type: string; callId?: string })
    expect(records.filter((r) => r.callId === callId).map((r) => r.type)).toEqual(expect.arrayContaining(['annotation', 'score', 'status']))
  })
})
