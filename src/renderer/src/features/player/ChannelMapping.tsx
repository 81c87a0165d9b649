// Which side of a dual recording is the agent: detected (Auto) or fixed for this call. Changing
// it realigns in main; labels, transcript times and marks redraw from the new alignment.
import { useShallow } from 'zustand/react/shallow'
import type { Alignment } from '@shared/media'
import { useStore } from '../../store'

const SOURCE: Record<Alignment['channelSource'], string> = { detected: 'detected', call: 'set for this call', default: 'from Settings', none: '' }

export function ChannelMapping({ alignment, dual }: { alignment: Alignment; dual: boolean }) {
  const { busy, set } = useStore(useShallow((s) => ({ busy: s.mappingBusy, set: s.setAgentChannel })))
  const value = alignment.channelSource === 'call' && alignment.agentChannel !== null ? String(alignment.agentChannel) : 'auto'
  return (
    <label className="mapping" title={dual ? `Which recording channel is the agent${SOURCE[alignment.channelSource] ? ` (now ${SOURCE[alignment.channelSource]})` : ''}` : 'A mono recording has no sides to choose'}>
      <span className="muted small">Agent channel</span>
      <select aria-label="Agent channel" value={value} disabled={!dual || busy} onChange={(e) => void set(e.target.value === 'auto' ? 'auto' : (Number(e.target.value) as 0 | 1))}>
        <option value="auto">Auto{value === 'auto' && alignment.agentChannel !== null ? ` (${alignment.agentChannel === 0 ? 'left' : 'right'})` : ''}</option>
        <option value="0">Agent on left</option>
        <option value="1">Agent on right</option>
      </select>
      {alignment.channelSource === 'default' ? <span className="muted small">from Settings</span> : null}
    </label>
  )
}
