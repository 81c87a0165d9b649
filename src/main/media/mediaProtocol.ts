// The earmark-media:// scheme: how recordings and peaks reach the renderer (never file:// and
// never the API's own URL). earmark-media://call/<callId>/dual streams the file with Range
// support; the app origin gets CORS so Web Audio may route the sound (solo a channel).
import { protocol } from 'electron'
import type { MediaService } from './media.service'
import { mediaResponse } from './mediaResponse'
import { MEDIA_SCHEME } from './mediaUrls'

/** Must run after app 'ready'. */
export function serveMedia(media: MediaService, recordingsDir: string, allowedOrigin: string): void {
  protocol.handle(MEDIA_SCHEME, (request) => {
    const url = new URL(request.url)
    const path = url.host === 'call' ? `call${url.pathname}` : ''
    return mediaResponse(media, recordingsDir, { path, method: request.method, range: request.headers.get('range') }, {
      'access-control-allow-origin': allowedOrigin,
      'x-content-type-options': 'nosniff',
    })
  })
}
