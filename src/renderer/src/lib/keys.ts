// The rule every window-level shortcut hook follows (player and review keys alike): a key is left
// alone while focus is in a text field, the call list (whose arrows, Enter and Esc are its own) or
// a dialog other than the player's shortcut help, when another handler already took it
// (defaultPrevented), or with Alt.
export function ignored(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null
  if (!el || e.defaultPrevented || e.altKey) return true
  if (el.closest('input, textarea, select, [contenteditable="true"], [role="grid"], [role="dialog"]:not([data-player-help])')) return true
  return false
}
