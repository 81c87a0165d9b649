import { HIGHLIGHT_END, HIGHLIGHT_START } from '@shared/query'

/** Text with the search engine's match markers turned into <mark>. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START)
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <span key={i}>{part}</span>
        const [hit, rest] = part.split(HIGHLIGHT_END)
        return (
          <span key={i}>
            <mark>{hit}</mark>
            {rest}
          </span>
        )
      })}
    </>
  )
}
