// Renderer figures in headless Chromium over a real cache of N calls: time from a filter or sort
// change to the new rows painted, and frame times while scrolling fast through the list.
import { launch } from '../tests/e2e/harness'
import { percentile } from './stats'

export async function benchRenderer(opts: { dataDir: string }) {
  const h = await launch({ dataDir: opts.dataDir, apiKey: 'sk_bench_renderer_key' })
  // Playwright's pipe to the browser does not hold Node's event loop open; while the page works
  // on its own (no request to the harness), Node would otherwise exit under the bench.
  const keepAlive = setInterval(() => {}, 1000)
  try {
    const { page } = h
    await page.getByRole('grid', { name: 'Calls' }).waitFor({ timeout: 60_000 }).catch(async (err: unknown) => {
      throw new Error(`the call list did not appear (page errors: ${h.pageErrors.join('; ') || 'none'}; screenshot ${await h.screenshot('bench-renderer-failure')})`, { cause: err })
    })
    await page.getByRole('row').nth(5).waitFor()
    const updates = await page.evaluate(async () => {
      // Resolves when the list's DOM changes, then after the frame that paints it.
      const painted = () =>
        new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect()
            requestAnimationFrame(() => setTimeout(resolve, 0))
          })
          observer.observe(document.querySelector('main')!, { subtree: true, childList: true, characterData: true })
        })
      const boxes = [...document.querySelectorAll<HTMLInputElement>('.filters input[type="checkbox"]')].slice(0, 20)
      const actions: (() => void)[] = []
      for (const box of boxes) actions.push(() => box.click(), () => box.click())
      const samples: number[] = []
      for (const act of actions) {
        const done = painted()
        const t0 = performance.now()
        act()
        await done
        samples.push(performance.now() - t0)
        await new Promise((r) => setTimeout(r, 30))
      }
      return samples
    })
    const frames = await page.evaluate(async () => {
      const table = document.querySelector<HTMLElement>('[data-testid="call-table"]')!
      const deltas: number[] = []
      let last = performance.now()
      for (let i = 0; i < 240; i++) {
        table.scrollTop += 1600 // about 50 rows a frame: a fast fling through the list
        await new Promise((r) => requestAnimationFrame(r))
        const now = performance.now()
        deltas.push(now - last)
        last = now
      }
      return deltas.slice(5)
    })
    return {
      renderer_calls: h.services.store.query.count(),
      list_update_p50_ms: percentile(updates, 50),
      list_update_p95_ms: percentile(updates, 95),
      list_update_samples: updates.length,
      scroll_frame_p50_ms: percentile(frames, 50),
      scroll_frame_p95_ms: percentile(frames, 95),
    }
  } finally {
    clearInterval(keepAlive)
    await h.close()
  }
}
