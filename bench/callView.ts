// Call-view figures in headless Chromium over the real services: from the click on a cached
// 10-minute and 60-minute call to its waveform drawn and transcript shown (peaks and alignment
// cached in main, as after the first open), beside the decode-the-audio path (fetch the whole
// recording and decode it, which is what drawing without cached peaks costs) as a ratio, and
// the renderer's JS heap after opening the 60-minute call.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MediaInfo } from '@shared/media'
import { dataPaths } from '../src/main/paths'
import { openStore } from '../src/main/store/store'
import { launch, type Harness } from '../tests/e2e/harness'
import { writeLongCall } from './longCall'
import { percentile, round } from './stats'

export interface CallViewFigures {
  open_call_10min_ms: number
  open_call_60min_ms: number
  decode_10min_ms: number
  open_call_decode_ratio: number
  renderer_heap_60min_mb: number
}

const RUNS = 5

/** Runs in the page: click the row, wait until the waveform is drawn and the turns are listed, then a frame. */
async function openTimed(callId: string): Promise<number> {
  const row = document.querySelector<HTMLElement>(`[role="row"][data-call-id="${callId}"]`)!
  const shown = () => document.querySelector('[data-testid="call-player"][data-ready="true"]') && document.querySelector('.call-transcript [data-turn]')
  const done = new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => shown() && (observer.disconnect(), resolve()))
    observer.observe(document.body, { subtree: true, childList: true, attributes: true })
  })
  const t0 = performance.now()
  row.click()
  await done
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
  return performance.now() - t0
}

/** Runs in the page: what a player without cached peaks must do first. */
async function decodeTimed(url: string): Promise<number> {
  const t0 = performance.now()
  const bytes = await (await fetch(url)).arrayBuffer()
  const ctx = new AudioContext()
  await ctx.decodeAudioData(bytes)
  await ctx.close()
  return performance.now() - t0
}

async function closeCall(h: Harness): Promise<void> {
  await h.page.getByRole('button', { name: 'Close call' }).click()
  await h.page.getByTestId('call-player').waitFor({ state: 'detached' })
}

async function heapMb(h: Harness): Promise<number> {
  const cdp = await h.page.context().newCDPSession(h.page)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  return round((metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1e6, 1)
}

export async function benchCallView(): Promise<CallViewFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'earmark-bench-callview-'))
  const keepAlive = setInterval(() => {}, 1000)
  let h: Harness | null = null
  try {
    const paths = dataPaths(dir)
    const store = openStore(paths)
    const short = writeLongCall(store, paths.recordings, 10, 1).callId
    const long = writeLongCall(store, paths.recordings, 60, 2).callId
    store.close()
    h = await launch({ dataDir: dir, apiKey: 'sk_bench_callview_key' })
    // The first open analyses the recording (peaks, speech, alignment); the figure is for the opens after.
    const info = (await h.services.dispatch('media:open', [short])) as { ok: true; value: MediaInfo }
    await h.services.dispatch('media:open', [long])
    await h.page.locator(`[role="row"][data-call-id="${long}"]`).waitFor()
    const times = { [short]: [] as number[], [long]: [] as number[] }
    for (let run = 0; run < RUNS; run++) {
      for (const id of [short, long]) {
        times[id]!.push(await h.page.evaluate(openTimed, id))
        await closeCall(h)
      }
    }
    const decodes: number[] = []
    for (let run = 0; run < 3; run++) decodes.push(await h.page.evaluate(decodeTimed, info.value.audioUrl!))
    await h.page.evaluate(openTimed, long)
    const heap = await heapMb(h)
    const open10 = percentile(times[short]!, 50)
    const decode10 = percentile(decodes, 50)
    return {
      open_call_10min_ms: round(open10, 1),
      open_call_60min_ms: round(percentile(times[long]!, 50), 1),
      decode_10min_ms: round(decode10, 0),
      open_call_decode_ratio: round(decode10 / open10, 1),
      renderer_heap_60min_mb: heap,
    }
  } finally {
    clearInterval(keepAlive)
    await h?.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
