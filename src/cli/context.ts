// Shared set-up of the commands: the data folder (same default as the desktop app) and the store.
import { dataPaths, defaultDataDir, type DataPaths } from '../main/paths'
import { openStore, type Store } from '../main/store/store'
import type { CliIo } from './io'

export function resolvePaths(flag: string | undefined, io: CliIo): DataPaths {
  return dataPaths(flag ?? defaultDataDir(io.env))
}

export async function withStore<T>(paths: DataPaths, work: (store: Store) => Promise<T> | T): Promise<T> {
  const store = openStore(paths)
  try {
    return await work(store)
  } finally {
    store.close()
  }
}
