// The cached peaks of a recording (binary, see decodePeaks): fetched once per URL, so the
// waveform opens without decoding the audio.
import { useEffect, useState } from 'react'
import { decodePeaks, type Peaks } from '@shared/media'

interface Loaded {
  url: string
  peaks: Peaks | null
  error: string | null
}

export function usePeaks(url: string | null): { peaks: Peaks | null; error: string | null } {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  useEffect(() => {
    if (!url) return
    const abort = new AbortController()
    fetch(url, { signal: abort.signal })
      .then(async (res) => {
        if (!res.ok) throw new Error(`the waveform could not be loaded (${res.status})`)
        setLoaded({ url, peaks: decodePeaks(await res.arrayBuffer()), error: null })
      })
      .catch((err: unknown) => {
        if (!abort.signal.aborted) setLoaded({ url, peaks: null, error: err instanceof Error ? err.message : String(err) })
      })
    return () => abort.abort()
  }, [url])
  // A result for another URL is stale: derived here instead of reset in the effect.
  return loaded && loaded.url === url ? loaded : { peaks: null, error: null }
}
