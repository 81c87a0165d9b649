// The rule every window-level shortcut hook follows (player and review keys alike): a key is left
// alone while focus is in a text field or a dialog other than the player's shortcut help, when
// another handler already took it (defaultPrevented), or with Alt. The call list takes its own
// keys (arrows, Page keys, Home/End, Enter, Esc, Ctrl/⌘+C) first; the others reach the open call,
// so a reviewer can open a call with Enter and play it with Space without leaving the list.
export function ignored(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null
  if (!el || e.defaultPrevented || e.altKey) return true
  if (el.closest('input, textarea, select, [contenteditable="true"], [role="dialog"]:not([data-player-help])')) return true
  return false
}
