import { useEffect, useState } from 'react'

/** `flag`, but turning true only once it has stayed true for `ms` (no flash for quick work). */
export function useDelayedFlag(flag: boolean, ms: number): boolean {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (!flag) return
    const t = setTimeout(() => setShown(true), ms)
    return () => {
      clearTimeout(t)
      setShown(false)
    }
  }, [flag, ms])
  return flag && shown
}
