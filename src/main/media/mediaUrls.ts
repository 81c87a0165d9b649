// The app's media scheme and the URLs it hands the renderer. Free of Electron, so the services
// (and the tests that build them) can name URLs without the protocol module.
import type { MediaUrls } from './media.service'

export const MEDIA_SCHEME = 'earmark-media'

export const mediaSchemeUrls: MediaUrls = {
  audio: (callId, kind) => `${MEDIA_SCHEME}://call/${callId}/${kind}`,
  peaks: (callId, kind) => `${MEDIA_SCHEME}://call/${callId}/${kind}.peaks`,
}
