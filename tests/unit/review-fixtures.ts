// A workspace with synced calls for the review tests: a real store in a temp folder, calls with
// transcripts in the cache, a review service with a clock that moves a second per write, and a
// way to throw the cache away and sync the same calls again.
import { rmSync } from 'node:fs'
import type { CallDetail, CallSummary } from '@shared/domain'
import type { RubricInput } from '@shared/review'
import { dataPaths, type DataPaths } from '../../src/main/paths'
import { ReviewService } from '../../src/main/review/review.service'
import { openStore, type Store } from '../../src/main/store/store'
import { ViewsRepo } from '../../src/main/store/views.repo'
import { makeCall, makeDetail, rawOf } from '../support/calls'
import { tempDir } from '../support/tempDir'

export const LINES = ['Hello, this is Delivery.', 'Where is my parcel?', 'It arrives tomorrow before noon.', 'Thanks, bye.']

export interface World {
  paths: DataPaths
  store: Store
  calls: CallSummary[]
  details: CallDetail[]
  review: ReviewService
  views: ViewsRepo
  /** Saves details again (e.g. a changed transcript), as a sync would. */
  sync(details?: CallDetail[]): void
  /** Deletes the cache files and reopens: the cache comes back empty, the workspace untouched. */
  dropCache(): void
  close(): void
  cleanup(): void
}

export function world(opts: { calls?: number; author?: string; start?: number } = {}): World {
  const dir = tempDir('earmark-review-')
  const paths = dataPaths(dir.path)
  const calls = Array.from({ length: opts.calls ?? 8 }, (_, i) => makeCall(i + 1))
  const details = calls.map((c) => makeDetail(c, LINES))
  let clock = opts.start ?? 1_800_000_000_000
  const w = {} as World
  const open = () => {
    w.store = openStore(paths)
    w.views = new ViewsRepo(w.store.workspace)
    w.review = new ReviewService({ workspace: w.store.workspace, query: w.store.query, views: w.views, author: () => opts.author ?? 'Ana', now: () => (clock += 1000) })
  }
  Object.assign(w, {
    paths,
    calls,
    details,
    sync: (d = details) => {
      w.store.calls.upsertSummaries(calls, calls.map(rawOf))
      w.store.calls.saveDetails(d.map((call) => ({ call, raw: {} })))
    },
    dropCache: () => {
      w.store.close()
      for (const suffix of ['', '-wal', '-shm']) rmSync(paths.cacheDb + suffix, { force: true })
      open()
    },
    close: () => w.store.close(),
    cleanup: () => {
      try {
        w.store.close()
      } catch {
        // Already closed by the test.
      }
      dir.cleanup()
    },
  })
  open()
  w.sync()
  return w
}

export const RUBRIC: RubricInput = {
  name: 'Delivery QA',
  items: [
    { id: 'greeting', label: 'Greets and names the company', weight: 1, kind: 'passfail', autoFail: false },
    { id: 'accuracy', label: 'Gives correct delivery facts', weight: 3, kind: 'scale', scaleMax: 4, autoFail: false },
    { id: 'compliance', label: 'No personal data read aloud', weight: 2, kind: 'passfail', autoFail: true },
  ],
}

/** Worlds for a test file: `make()` builds one, `cleanup()` (in afterEach) removes them all. */
export function worldsPerTest(): { make: (opts?: Parameters<typeof world>[0]) => World; cleanup: () => void } {
  const made: World[] = []
  return {
    make: (opts) => {
      const w = world(opts)
      made.push(w)
      return w
    },
    cleanup: () => made.splice(0).forEach((w) => w.cleanup()),
  }
}
