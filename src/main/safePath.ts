// Resolves a URL path inside a folder, refusing anything that would escape it (.., encoded
// separators, NUL). Used by every protocol that serves files to the renderer.
import { join, normalize, sep } from 'node:path'

export function resolveInside(root: string, pathname: string, index = '/index.html'): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const file = normalize(join(root, decoded === '/' ? index : decoded))
  const prefix = root.endsWith(sep) ? root : root + sep
  return file.startsWith(prefix) ? file : null
}
