// Sorted listings of GET /conversation, shared by the pages of one query. Sorting 100k calls for
// every page would make a backfill quadratic, and a listing can only change when a call that
// still changes after start passes a milestone (lifecycle.ts changeStamp), so a few recent
// listings are kept until then.
import type { Org } from './agents'
import type { Dataset, EmuCall } from './dataset'
import { changeStamp } from './lifecycle'
import { sortCalls, type ListParams } from './listQuery'

const KEPT = 8

export class Listings {
  private recent: { key: string; calls: EmuCall[] }[] = []

  constructor(private readonly data: Dataset) {}

  /** Every call of `org` that matches, in the listing's order. */
  get(org: Org, p: ListParams, now: number): EmuCall[] {
    const key = `${org}|${p.listingKey}|${changeStamp(this.data.changing, now)}`
    let hit = this.recent.find((e) => e.key === key)
    if (!hit) {
      hit = { key, calls: sortCalls(this.data.calls.filter((c) => c.org === org && p.filter(c)), p.sortBy, p.desc, now) }
      this.recent = [hit, ...this.recent].slice(0, KEPT)
    }
    return hit.calls
  }
}
