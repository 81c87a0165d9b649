// Tags on the call: chips with a remove button, and a box that suggests tags used before. Each
// change is made to the tags shown at that moment (unsaved ones included: see store/reviewSaves.ts).
import { useId, useState, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useSuggestions } from '../../hooks/useSuggestions'
import { ipc } from '../../lib/ipc'
import { useStore } from '../../store'
import { tagsOf } from './select'

export function TagEditor() {
  const { tags, editTags } = useStore(useShallow((s) => ({ tags: tagsOf(s), editTags: s.editTags })))
  const [text, setText] = useState('')
  const suggestions = useSuggestions(ipc.tagSuggestions, text.trim().toLowerCase()).filter((t) => !tags.includes(t))
  const listId = useId()

  const add = () => {
    const tag = text.trim().toLowerCase()
    if (!tag || tags.includes(tag)) return setText('')
    void editTags((now) => (now.includes(tag) ? now : [...now, tag]))
    setText('')
  }
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault()
      add()
    } else if (e.key === 'Backspace' && !text && tags.length) void editTags((now) => now.slice(0, -1))
  }
  return (
    <div className="tag-editor" aria-label="Tags">
      {tags.map((t) => (
        <span key={t} className="tag">
          {t}
          <button type="button" className="tag-x" aria-label={`Remove tag ${t}`} onClick={() => void editTags((now) => now.filter((x) => x !== t))}>×</button>
        </span>
      ))}
      <input aria-label="Add a tag" placeholder={tags.length ? 'Add tag' : 'Add tags (Enter)'} list={listId} value={text} maxLength={64} onChange={(e) => setText(e.target.value)} onKeyDown={onKey} onBlur={add} />
      <datalist id={listId}>{suggestions.map((s) => <option key={s} value={s} />)}</datalist>
    </div>
  )
}
