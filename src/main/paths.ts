// Where Earmark keeps its data. The desktop app and the CLI must agree, so this does not ask
// Electron: it mirrors Electron's userData folder for an app named "Earmark" on each platform,
// and EARMARK_DATA_DIR overrides it for both.
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Earmark'

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.EARMARK_DATA_DIR) return env.EARMARK_DATA_DIR
  const home = homedir()
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
}

export interface DataPaths {
  root: string
  cacheDb: string
  workspaceDb: string
  recordings: string
  apiKeyFile: string
}

export function dataPaths(root: string): DataPaths {
  return {
    root,
    cacheDb: join(root, 'cache.sqlite'),
    workspaceDb: join(root, 'workspace.sqlite'),
    recordings: join(root, 'recordings'),
    apiKeyFile: join(root, 'secrets', 'api-key.bin'),
  }
}
