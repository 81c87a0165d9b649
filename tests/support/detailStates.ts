// Where each stored call's detail stands (missing, stale, fetched, failed), as the detail queue
// derives it (DETAIL_STATE), with the call's status: for tests that check what a sync left behind.
import type { Store } from '../../src/main/store/store'
import { DETAIL_JOINS, DETAIL_STATE } from '../../src/main/store/calls.repo'

export function detailStates(store: Store): { id: string; status: string; state: string }[] {
  return store.cache.prepare(`SELECT c.id, c.status, ${DETAIL_STATE} AS state FROM calls c ${DETAIL_JOINS} ORDER BY c.id`).all() as { id: string; status: string; state: string }[]
}
