// Annotations on the waveform: saved time ranges drawn as regions in their kind's colour, and the
// range being annotated as a region the reviewer drags and resizes (its times follow into the
// form). Renders nothing itself: it drives the Regions plugin of the call's engine.
import { useEffect, useMemo } from 'react'
import RegionsPlugin from 'wavesurfer.js/plugins/regions'
import type { AnnotationKind } from '@shared/review'
import { useStore } from '../../store'
import type { Engine } from '../player/engine'
import { centis } from '../player/timing'

const COLORS: Record<AnnotationKind, string> = { comment: 'rgba(90,169,255,0.16)', correction: 'rgba(214,165,49,0.18)', label: 'rgba(167,123,224,0.18)' }

export function AnnotationRegions({ engine }: { engine: Engine | null }) {
  const annotations = useStore((s) => s.review?.annotations)
  const drafting = useStore((s) => s.annotationTarget?.startS != null && s.annotationTarget.endS != null)
  const regions = useMemo(() => engine?.ws.getActivePlugins().find((p): p is InstanceType<typeof RegionsPlugin> => p instanceof RegionsPlugin) ?? null, [engine])

  useEffect(() => {
    if (!regions) return
    const made = (annotations ?? [])
      .filter((a) => a.startS !== null && a.endS !== null)
      .map((a) =>
        regions.addRegion({ id: `annotation-${a.id}`, start: a.startS!, end: a.endS!, color: COLORS[a.kind], drag: false, resize: false, content: a.kind === 'label' ? (a.label ?? 'label') : a.kind }),
      )
    return () => made.forEach((r) => r.remove())
  }, [regions, annotations])

  useEffect(() => {
    const target = useStore.getState().annotationTarget
    if (!regions || !drafting || !target) return
    const draft = regions.addRegion({ id: 'annotation-draft', start: target.startS!, end: target.endS!, color: 'rgba(90,169,255,0.3)', drag: true, resize: true })
    const off = draft.on('update-end', () => {
      const now = useStore.getState().annotationTarget
      if (now) useStore.getState().setAnnotationTarget({ ...now, startS: centis(draft.start), endS: centis(draft.end) })
    })
    return () => {
      off()
      draft.remove()
    }
  }, [regions, drafting])
  return null
}
