// The renderer's only door to the main process: wraps window.api, unwraps each Result and throws
// an AppError, so stores and components call ordinary async functions. The one seam to fake.
import { AppError, type Result } from '@shared/errors'
import type { Api } from '@shared/ipc/contract'

declare global {
  interface Window {
    api: Api
  }
}

async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (result.ok) return result.value
  throw AppError.fromData(result.error)
}

const api = (): Api => {
  if (!window.api) throw new AppError('INTERNAL', 'The Earmark bridge is missing: this page must run inside the Earmark app.')
  return window.api
}

type Unwrapped = {
  [K in keyof Api]: Api[K] extends (...a: infer A) => Promise<Result<infer R>> ? (...a: A) => Promise<R> : Api[K]
}

export const ipc: Unwrapped = {
  appInfo: () => unwrap(api().appInfo()),
  setApiKey: (key) => unwrap(api().setApiKey(key)),
  hasApiKey: () => unwrap(api().hasApiKey()),
  clearApiKey: () => unwrap(api().clearApiKey()),
  getSettings: () => unwrap(api().getSettings()),
  updateSettings: (patch) => unwrap(api().updateSettings(patch)),
  connect: (key) => unwrap(api().connect(key)),
  openDemo: () => unwrap(api().openDemo()),
  listViews: () => unwrap(api().listViews()),
  saveView: (view) => unwrap(api().saveView(view)),
  deleteView: (id) => unwrap(api().deleteView(id)),
  getListState: () => unwrap(api().getListState()),
  setListState: (state) => unwrap(api().setListState(state)),
  listCalls: (query) => unwrap(api().listCalls(query)),
  callFacets: (query) => unwrap(api().callFacets(query)),
  getCall: (id) => unwrap(api().getCall(id)),
  startSync: () => unwrap(api().startSync()),
  cancelSync: () => unwrap(api().cancelSync()),
  syncStatus: () => unwrap(api().syncStatus()),
  openMedia: (id) => unwrap(api().openMedia(id)),
  setAgentChannel: (id, channel) => unwrap(api().setAgentChannel(id, channel)),
  getReview: (id) => unwrap(api().getReview(id)),
  saveAnnotation: (input) => unwrap(api().saveAnnotation(input)),
  deleteAnnotation: (id) => unwrap(api().deleteAnnotation(id)),
  undoReview: (id) => unwrap(api().undoReview(id)),
  setTags: (id, tags) => unwrap(api().setTags(id, tags)),
  tagSuggestions: (prefix) => unwrap(api().tagSuggestions(prefix)),
  labelSuggestions: (prefix) => unwrap(api().labelSuggestions(prefix)),
  listRubrics: () => unwrap(api().listRubrics()),
  saveRubric: (rubric) => unwrap(api().saveRubric(rubric)),
  saveScore: (score) => unwrap(api().saveScore(score)),
  setReviewStatus: (id, status) => unwrap(api().setReviewStatus(id, status)),
  reviewNext: (viewId) => unwrap(api().reviewNext(viewId)),
  onNotice: (listener) => api().onNotice(listener),
  onSyncProgress: (listener) => api().onSyncProgress(listener),
}

/** A message for the user from anything thrown. */
export function errorMessage(err: unknown): string {
  if (err instanceof AppError) return err.message
  return 'Something went wrong. Please try again.'
}
