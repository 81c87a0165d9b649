// The composition root of the Node-side services. The Electron app, the e2e harness and the
// tests all build the same graph here; only the Encryptor (safeStorage or a stand-in) and the
// data folder differ.
import { mkdirSync } from 'node:fs'
import { appHandlers, settingsHandlers } from './ipc/app.ipc'
import { createDispatch, type Dispatch, type Handlers } from './ipc/dispatch'
import { dataPaths, type DataPaths } from './paths'
import { ApiKeyService, type Encryptor } from './secrets/apiKey.service'

export interface ServicesOptions {
  dataDir: string
  encryptor: Encryptor
  version: string
  electron: string | null
}

export interface Services {
  paths: DataPaths
  keys: ApiKeyService
  handlers: Handlers
  dispatch: Dispatch
  close(): void
}

export function createServices(opts: ServicesOptions): Services {
  const paths = dataPaths(opts.dataDir)
  mkdirSync(paths.root, { recursive: true })
  const keys = new ApiKeyService(paths.apiKeyFile, opts.encryptor)
  const info = () => ({
    name: 'Earmark',
    version: opts.version,
    platform: `${process.platform}-${process.arch}`,
    dataDir: paths.root,
    electron: opts.electron,
  })
  const handlers: Handlers = { ...appHandlers(info), ...settingsHandlers(keys) }
  return { paths, keys, handlers, dispatch: createDispatch(handlers), close: () => {} }
}
