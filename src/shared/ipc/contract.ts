// The one IPC contract. Every channel the renderer may invoke is listed here with its argument
// and return types; main (ipc/handlers), the preload (window.api) and the renderer (lib/ipc.ts)
// are all derived from it. Adding a channel means: a line in Invoke, a method name in
// API_METHODS, an argument schema in main/ipc/schemas.ts, a handler, and a preload one-liner.
import type { Result } from '../errors'
import type { Alignment, MediaInfo } from '../media'
import type { CallFacets, CallPage, CallQuery } from '../query'
import type { ListState, SavedView, SavedViewInput, Settings } from '../settings'
import type { SyncProgress } from '../sync'
import type { AppInfo, CallView, KeyStatus } from './types'
import type {
  AnnotationInput, AnnotationView, CallReview, ReviewStatus, ReviewStatusValue, Rubric, RubricInput, Score, ScoreInput,
} from '../review'

export interface Invoke {
  'app:info': () => AppInfo
  'settings:setApiKey': (key: string) => KeyStatus
  'settings:hasApiKey': () => KeyStatus
  'settings:clearApiKey': () => KeyStatus
  'settings:get': () => Settings
  'settings:update': (patch: Partial<Settings>) => Settings
  'workspace:connect': (apiKey: string) => KeyStatus
  'workspace:openDemo': () => KeyStatus
  'views:list': () => SavedView[]
  'views:save': (view: SavedViewInput) => SavedView
  'views:delete': (id: string) => boolean
  'ui:getListState': () => ListState | null
  'ui:setListState': (state: ListState) => void
  'calls:list': (query: CallQuery) => CallPage
  'calls:facets': (query: CallQuery) => CallFacets
  'calls:get': (callId: string) => CallView
  'sync:start': () => SyncProgress
  'sync:cancel': () => boolean
  'sync:status': () => SyncProgress | null
  /** The call's recording (downloaded on demand), its peaks URL and its alignment. */
  'media:open': (callId: string) => MediaInfo
  /** Sets which channel is the agent for one call ('auto' = detect) and realigns. */
  'media:setAgentChannel': (callId: string, channel: 0 | 1 | 'auto') => Alignment
  /** Everything written about a call, anchored to the transcript the cache holds now. */
  'review:get': (callId: string) => CallReview
  /** Creates (no id) or edits an annotation; the turn's text hash is taken in main. */
  'review:saveAnnotation': (input: AnnotationInput) => AnnotationView
  'review:deleteAnnotation': (id: string) => boolean
  /** Takes back this call's newest annotation change of this session; its review, or null when none is left. */
  'review:undo': (callId: string) => CallReview | null
  /** Sets the call's tags to exactly these (normalised: trimmed, lower case); returns them. */
  'review:setTags': (callId: string, tags: string[]) => string[]
  'review:tagSuggestions': (prefix: string) => string[]
  'review:labelSuggestions': (prefix: string) => string[]
  /** The latest version of each scorecard. */
  'review:listRubrics': () => Rubric[]
  /** A new rubric (no id) or its next version; unchanged input returns the latest version. */
  'review:saveRubric': (input: RubricInput) => Rubric
  /** Scores a call with a rubric version (total computed in main); replaces its earlier score. */
  'review:saveScore': (input: ScoreInput) => Score
  'review:setStatus': (callId: string, status: ReviewStatusValue) => ReviewStatus
  /** Review next: the next unreviewed call of a saved view in its order, or null; remembered per view. */
  'review:next': (viewId: string) => string | null
}

/** Events main pushes to the renderer. */
export interface Push {
  'app:notice': (notice: { level: 'info' | 'warning' | 'error'; message: string }) => void
  'sync:progress': (progress: SyncProgress) => void
}

export type Channel = keyof Invoke
export type PushChannel = keyof Push

/** window.api method name → channel. The preload exposes exactly these methods. */
export const API_METHODS = {
  appInfo: 'app:info',
  setApiKey: 'settings:setApiKey',
  hasApiKey: 'settings:hasApiKey',
  clearApiKey: 'settings:clearApiKey',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  connect: 'workspace:connect',
  openDemo: 'workspace:openDemo',
  listViews: 'views:list',
  saveView: 'views:save',
  deleteView: 'views:delete',
  getListState: 'ui:getListState',
  setListState: 'ui:setListState',
  listCalls: 'calls:list',
  callFacets: 'calls:facets',
  getCall: 'calls:get',
  startSync: 'sync:start',
  cancelSync: 'sync:cancel',
  syncStatus: 'sync:status',
  openMedia: 'media:open',
  setAgentChannel: 'media:setAgentChannel',
  getReview: 'review:get',
  saveAnnotation: 'review:saveAnnotation',
  deleteAnnotation: 'review:deleteAnnotation',
  undoReview: 'review:undo',
  setTags: 'review:setTags',
  tagSuggestions: 'review:tagSuggestions',
  labelSuggestions: 'review:labelSuggestions',
  listRubrics: 'review:listRubrics',
  saveRubric: 'review:saveRubric',
  saveScore: 'review:saveScore',
  setReviewStatus: 'review:setStatus',
  reviewNext: 'review:next',
} as const satisfies Record<string, Channel>

/** window.api subscription name → push channel. Each returns an unsubscribe function. */
export const API_SUBSCRIPTIONS = {
  onNotice: 'app:notice',
  onSyncProgress: 'sync:progress',
} as const satisfies Record<string, PushChannel>

type Methods = typeof API_METHODS
type Subs = typeof API_SUBSCRIPTIONS

export type Api = {
  [M in keyof Methods]: (...args: Parameters<Invoke[Methods[M]]>) => Promise<Result<ReturnType<Invoke[Methods[M]]>>>
} & {
  [S in keyof Subs]: (listener: Push[Subs[S]]) => () => void
}

export const CHANNELS = Object.values(API_METHODS) as Channel[]
