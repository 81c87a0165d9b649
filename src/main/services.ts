// The composition root of the Node-side services. The Electron app, the e2e harness and the
// tests all build the same graph here; only the Encryptor (safeStorage or a stand-in) and the
// data folder differ.
import { mkdirSync } from 'node:fs'
import type { SyncProgress } from '@shared/sync'
import { AtomsClient } from './atoms/client'
import { appHandlers, settingsHandlers } from './ipc/app.ipc'
import { callsHandlers, syncHandlers } from './ipc/calls.ipc'
import { workspaceHandlers } from './ipc/workspace.ipc'
import { reviewHandlers } from './ipc/review.ipc'
import { ReviewService } from './review/review.service'
import { DemoWorkspace } from './demo'
import { ViewsRepo } from './store/views.repo'
import { createDispatch, type Dispatch, type Handlers } from './ipc/dispatch'
import { RecordingService } from './media/recordings.service'
import { MediaService, type MediaUrls } from './media/media.service'
import { mediaSchemeUrls } from './media/mediaUrls'
import { mediaHandlers } from './ipc/media.ipc'
import { NO_API } from './media/noApi'
import { dataPaths, type DataPaths } from './paths'
import { ApiKeyService, type Encryptor } from './secrets/apiKey.service'
import { SettingsRepo } from './store/settings.repo'
import { openStore, type Store } from './store/store'
import { SyncEngine } from './sync/syncEngine'

export interface ServicesOptions {
  dataDir: string
  encryptor: Encryptor
  version: string
  electron: string | null
  /** How the renderer reaches recordings; the app's media scheme unless the e2e harness serves them. */
  mediaUrls?: MediaUrls
}

export interface Services {
  paths: DataPaths
  keys: ApiKeyService
  store: Store
  settings: SettingsRepo
  media: MediaService
  /** The sync engine for the current key and base URL, or null without a key. */
  sync(): SyncEngine | null
  onSyncProgress(listener: (p: SyncProgress) => void): () => void
  /** Restarts the demo emulator when the workspace was left in demo mode. */
  resume(): Promise<void>
  handlers: Handlers
  dispatch: Dispatch
  close(): void
}

export function createServices(opts: ServicesOptions): Services {
  const paths = dataPaths(opts.dataDir)
  mkdirSync(paths.root, { recursive: true })
  const keys = new ApiKeyService(paths.apiKeyFile, opts.encryptor)
  const store = openStore(paths)
  const settings = new SettingsRepo(store.workspace)
  const views = new ViewsRepo(store.workspace)
  const demo = new DemoWorkspace()
  const listeners = new Set<(p: SyncProgress) => void>()

  let engine: { signature: string; sync: SyncEngine; recordings: RecordingService } | null = null
  const sync = (): SyncEngine | null => {
    if (!keys.getKey()) return null
    const { baseUrl, demo: isDemo, requestsPerSecond } = settings.get()
    const signature = `${baseUrl} ${requestsPerSecond} ${isDemo}`
    if (engine?.signature !== signature) {
      engine?.sync.cancel()
      // The demo emulator runs in this process: no platform rate limit to respect.
      const client = new AtomsClient({ apiKey: () => keys.getKey(), baseUrl, requestsPerSecond: isDemo ? 200 : requestsPerSecond })
      const recordings = new RecordingService(client, store, paths.recordings)
      const next = new SyncEngine(client, store, recordings)
      next.onProgress((p) => listeners.forEach((l) => l(p)))
      engine = { signature, sync: next, recordings }
    }
    return engine.sync
  }

  // Without a key, recordings already on disk still play; a download says what is missing.
  const offline = new RecordingService(NO_API, store, paths.recordings)
  const media = new MediaService({
    store,
    recordings: () => (sync() ? engine!.recordings : offline),
    onDisk: offline,
    settings: () => settings.get(),
    urls: opts.mediaUrls ?? mediaSchemeUrls,
    fetchDetail: async (id) => sync()?.details.fetchNow(id),
  })

  const info = () => ({
    name: 'Earmark',
    version: opts.version,
    platform: `${process.platform}-${process.arch}`,
    dataDir: paths.root,
    electron: opts.electron,
  })
  const handlers: Handlers = {
    ...appHandlers(info),
    ...settingsHandlers(keys),
    ...callsHandlers(store, sync),
    ...syncHandlers(sync),
    ...workspaceHandlers({ keys, settings, views, demo, sync }),
    ...mediaHandlers(media),
    ...reviewHandlers(new ReviewService({ workspace: store.workspace, query: store.query, views, author: () => settings.get().reviewerName })),
  }
  return {
    paths,
    keys,
    store,
    settings,
    media,
    sync,
    onSyncProgress: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    resume: async () => {
      if (!settings.get().demo) return
      settings.update({ baseUrl: await demo.start() })
    },
    handlers,
    dispatch: createDispatch(handlers),
    close: () => {
      engine?.sync.cancel()
      void demo.stop()
      store.close()
    },
  }
}
