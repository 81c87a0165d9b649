// Renderer figures in headless Chromium over a real cache of N calls (the e2e harness: built
// renderer, real services, real SQLite):
// - list_update: from a filter, search, date or sort change in the page to the frame that paints
//   the new query's rows (performance.now() at the change; the list pane's data-list-version
//   attribute changes in the same commit as the rows; then the next animation frame has painted).
//   Searches are committed with Enter, which applies at once (typing waits 150 ms on purpose).
//   The facet counts that follow each change are waited for between samples, not measured: at
//   100k calls main takes 0.1-0.8 s for them (see the query figures).
// - scroll_frame: time between animation frames while the list is scrolled ~50 rows per frame.
// Headless Chromium paces frames at about 60 Hz, so a frame takes ~16.7 ms at best.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { dataPaths } from '../src/main/paths'
import { openStore } from '../src/main/store/store'
import { launch, type Harness } from '../tests/e2e/harness'
import { benchCall } from './fixtures'
import { percentile } from './stats'

export interface RendererFigures {
  renderer_calls: number
  list_update_p50_ms: number
  list_update_p95_ms: number
  list_update_samples: number
  scroll_frame_p50_ms: number
  scroll_frame_p95_ms: number
  scroll_frames: number
}

const BATCH = 1000

/** Tops the cache in dataDir up to `calls` synthetic calls with transcripts (as sync stores them). */
function fillCache(dataDir: string, calls: number): number {
  const store = openStore(dataPaths(dataDir))
  try {
    const have = store.query.count()
    for (let start = have; start < calls; start += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, calls - start) }, (_, i) => benchCall(start + i))
      store.calls.upsertSummaries(batch, batch.map((c) => ({ callId: c.id, status: c.status, updatedAt: c.updatedAt })))
      store.calls.saveDetails(batch.map((call) => ({ call, raw: { callId: call.id } })))
    }
    if (have < calls) store.cache.pragma('optimize')
    return store.query.count()
  } finally {
    store.close()
  }
}

/** Runs in the page: each change, then the frame that paints its rows. Elements are looked up
 * when each change is made (an empty result unmounts the table, so old references go stale). */
async function measureUpdates(): Promise<{ samples: number[]; labels: string[]; missed: number }> {
  const pane = document.querySelector<HTMLElement>('[data-list-version]')!
  const painted = () =>
    new Promise<boolean>((resolve) => {
      const before = pane.dataset.listVersion
      const timer = setTimeout(() => (observer.disconnect(), resolve(false)), 10_000)
      const observer = new MutationObserver(() => {
        if (pane.dataset.listVersion === before) return
        observer.disconnect()
        clearTimeout(timer)
        requestAnimationFrame(() => setTimeout(() => resolve(true), 0))
      })
      observer.observe(pane, { attributes: true, attributeFilter: ['data-list-version'] })
    })
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  const searchFor = (text: string) => () => {
    const search = document.querySelector<HTMLInputElement>('input[type="search"]')!
    setValue.call(search, text)
    search.dispatchEvent(new Event('input', { bubbles: true }))
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
  }
  const clickButton = (scope: string, name: string) => () =>
    [...document.querySelectorAll<HTMLButtonElement>(`${scope} button`)].find((b) => b.textContent?.trim().startsWith(name))?.click()
  const fieldset = (legend: string) => [...document.querySelectorAll('.filters fieldset')].find((f) => f.querySelector('legend')?.textContent === legend)
  const clickFacet = (legend: string, value: string) => () =>
    [...(fieldset(legend)?.querySelectorAll('label') ?? [])].find((l) => l.querySelector('.facet-label')?.textContent === value)?.querySelector('input')?.click()

  const actions: [string, () => void][] = []
  for (const legend of ['Status', 'Type', 'Agent', 'Ended because']) {
    const values = [...(fieldset(legend)?.querySelectorAll('.facet-label') ?? [])].slice(0, 3).map((l) => l.textContent ?? '')
    for (const value of values) actions.push([`${legend}: ${value} on`, clickFacet(legend, value)], [`${legend}: ${value} off`, clickFacet(legend, value)])
  }
  for (const word of ['refund', 'delivery', 'invoice', 'thursday', 'neighbour', '+1415', 'CALL-17', 'payment plan']) actions.push([`search ${word}`, searchFor(word)], ['search cleared', searchFor('')])
  for (const header of ['Duration', 'Duration', 'Cost', 'Agent', 'Time']) actions.push([`sort ${header}`, clickButton('[role="columnheader"]', header)])
  for (const preset of ['30 days', '7 days', 'Today', 'All']) actions.push([`date ${preset}`, clickButton('.filters', preset)])

  const samples: number[] = []
  const labels: string[] = []
  let missed = 0
  for (const [label, act] of actions) {
    const done = painted()
    const t0 = performance.now()
    act()
    if (await done) {
      samples.push(performance.now() - t0)
      labels.push(label)
    } else missed++
    // The facet counts of the change (asked for after the rows paint) are not part of the figure:
    // wait for them, then a person's pause, so each sample is one change on an idle app. Their
    // request starts a frame after the rows and shows once React commits it: looked for only after
    // two more frames (checked at once, it was sometimes missed, and the next change then waited in
    // main behind counts of up to 0.4 s).
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
    await pause(20)
    while (document.querySelector('.filters[aria-busy="true"]')) await pause(20)
    await pause(250)
  }
  return { samples, labels, missed }
}

/** Runs in the page: scrolls ~50 rows a frame and returns the time between frames. */
async function measureScroll(): Promise<number[]> {
  const table = document.querySelector<HTMLElement>('[data-testid="call-table"]')!
  table.scrollTop = 0
  await new Promise((r) => setTimeout(r, 300))
  const frame = () => new Promise<number>((r) => requestAnimationFrame(r))
  const deltas: number[] = []
  let last = await frame()
  for (let i = 0; i < 300; i++) {
    table.scrollTop += 1600
    const now = await frame()
    deltas.push(now - last)
    last = now
  }
  return deltas.slice(5)
}

export async function benchRenderer(opts: { calls?: number; dataDir?: string }): Promise<RendererFigures> {
  const temp = opts.dataDir ? null : mkdtempSync(join(tmpdir(), 'earmark-bench-renderer-'))
  const dataDir = opts.dataDir ?? temp!
  let h: Harness | null = null
  // Playwright's pipe to the browser does not hold Node's event loop open; while the page works
  // on its own (no request to the harness), Node would otherwise exit under the bench.
  const keepAlive = setInterval(() => {}, 1000)
  try {
    const calls = opts.calls === undefined ? fillCache(dataDir, 0) : fillCache(dataDir, opts.calls)
    h = await launch({ dataDir, apiKey: 'sk_bench_renderer_key' })
    const { page } = h
    await page.getByRole('grid', { name: 'Calls' }).waitFor({ timeout: 60_000 }).catch(async (err: unknown) => {
      throw new Error(`the call list did not appear (page errors: ${h!.pageErrors.join('; ') || 'none'}; screenshot ${await h!.screenshot('bench-renderer-failure')})`, { cause: err })
    })
    await page.locator('[role="row"][data-call-id]').nth(5).waitFor()
    await page.waitForTimeout(500)
    const { samples: updates, labels, missed } = await page.evaluate(measureUpdates)
    if (process.env.BENCH_VERBOSE) updates.forEach((ms, i) => process.stderr.write(`  ${ms.toFixed(1).padStart(7)} ms  ${labels[i]}\n`))
    if (missed) process.stderr.write(`renderer bench: ${missed} list changes were not painted within 10 s\n`)
    await page.locator('[role="row"][data-call-id]').nth(5).waitFor()
    const frames = await page.evaluate(measureScroll)
    return {
      renderer_calls: calls,
      list_update_p50_ms: percentile(updates, 50),
      list_update_p95_ms: percentile(updates, 95),
      list_update_samples: updates.length,
      scroll_frame_p50_ms: percentile(frames, 50),
      scroll_frame_p95_ms: percentile(frames, 95),
      scroll_frames: frames.length,
    }
  } finally {
    clearInterval(keepAlive)
    await h?.close()
    if (temp) rmSync(temp, { recursive: true, force: true })
  }
}

// `tsx bench/renderer.ts [calls]` runs it alone and prints the figures.
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const started = performance.now()
  benchRenderer({ calls: Number(process.argv[2] ?? 100_000) })
    .then((figures) => process.stdout.write(`${JSON.stringify({ ...figures, wall_s: Math.round((performance.now() - started) / 100) / 10 }, null, 2)}\n`))
    .catch((err: unknown) => {
      process.stderr.write(`renderer bench failed: ${err instanceof Error ? err.stack : String(err)}\n`)
      process.exit(1)
    })
}
