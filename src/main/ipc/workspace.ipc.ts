// Handlers of settings:get/update, workspace:* (connect with a key, open the demo), views:* and
// ui:* (saved views and the list's last state).
import { AppError } from '@shared/errors'
import { AtomsClient } from '../atoms/client'
import { DEMO_KEY, type DemoWorkspace } from '../demo'
import type { ApiKeyService } from '../secrets/apiKey.service'
import { parseApiKey } from '../secrets/apiKey.service'
import type { SettingsRepo } from '../store/settings.repo'
import type { ViewsRepo } from '../store/views.repo'
import type { SyncEngine } from '../sync/syncEngine'
import type { Handlers } from './dispatch'

type WorkspaceChannels =
  | 'settings:get' | 'settings:update' | 'workspace:connect' | 'workspace:openDemo'
  | 'views:list' | 'views:save' | 'views:delete' | 'ui:getListState' | 'ui:setListState'

export interface WorkspaceDeps {
  keys: ApiKeyService
  settings: SettingsRepo
  views: ViewsRepo
  demo: DemoWorkspace
  sync: () => SyncEngine | null
}

export function workspaceHandlers(d: WorkspaceDeps): Pick<Handlers, WorkspaceChannels> {
  const startSync = () => d.sync()?.run().catch(() => {})
  return {
    'settings:get': () => d.settings.get(),
    'settings:update': (patch) => {
      if ('demo' in patch) throw new AppError('INVALID_INPUT', 'The demo workspace is opened from the welcome screen.')
      return d.settings.update(patch)
    },
    'workspace:connect': async (raw) => {
      const apiKey = parseApiKey(raw)
      const { baseUrl } = d.settings.get()
      // Checked against the API before it is stored: a wrong key is refused with the API's answer.
      await new AtomsClient({ apiKey, baseUrl, maxRetries: 2 }).checkKey()
      const status = d.keys.set(apiKey)
      d.settings.update({ demo: false })
      await d.demo.stop()
      void startSync()
      return status
    },
    'workspace:openDemo': async () => {
      const baseUrl = await d.demo.start()
      d.settings.update({ baseUrl, demo: true })
      const status = d.keys.set(DEMO_KEY)
      void startSync()
      return status
    },
    'views:list': () => d.views.list(),
    'views:save': (view) => d.views.save(view),
    'views:delete': (id) => d.views.delete(id),
    'ui:getListState': () => d.views.getListState(),
    'ui:setListState': (state) => d.views.setListState(state),
  }
}
