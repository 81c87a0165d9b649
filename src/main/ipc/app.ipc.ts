// Handlers of the app:* and settings:* channels.
import type { AppInfo } from '@shared/ipc/types'
import type { ApiKeyService } from '../secrets/apiKey.service'
import type { Handlers } from './dispatch'

export function appHandlers(info: () => AppInfo): Pick<Handlers, 'app:info'> {
  return { 'app:info': () => info() }
}

export function settingsHandlers(keys: ApiKeyService): Pick<Handlers, 'settings:setApiKey' | 'settings:hasApiKey' | 'settings:clearApiKey'> {
  return {
    'settings:setApiKey': (key) => keys.set(key),
    'settings:hasApiKey': () => keys.status(),
    'settings:clearApiKey': () => keys.clear(),
  }
}
