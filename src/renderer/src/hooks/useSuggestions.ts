import { useEffect, useState } from 'react'

/** Suggestions from main for what is being typed; an answer for an older prefix is dropped. */
export function useSuggestions(fetch: (prefix: string) => Promise<string[]>, prefix: string, enabled = true): string[] {
  const [list, setList] = useState<string[]>([])
  useEffect(() => {
    if (!enabled) return
    let live = true
    fetch(prefix).then((l) => live && setList(l)).catch(() => {})
    return () => void (live = false)
  }, [fetch, prefix, enabled])
  return list
}
