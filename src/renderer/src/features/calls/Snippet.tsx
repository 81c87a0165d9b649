import { HIGHLIGHT_END, HIGHLIGHT_START } from '@shared/query'

/** Text with the search engine's match markers (\u0002…\u0003) shown as <mark>. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START)
  const plain = text.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '')
  return (
    <span title={plain} className="snippet">
      {parts.map((part, i) => {
        if (i === 0) return part
        const end = part.indexOf(HIGHLIGHT_END)
        if (end < 0) return <mark key={i}>{part}</mark>
        return (
          <span key={i}>
            <mark>{part.slice(0, end)}</mark>
            {part.slice(end + 1)}
          </span>
        )
      })}
    </span>
  )
}
