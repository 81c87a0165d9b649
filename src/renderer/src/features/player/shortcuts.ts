// The call view's keyboard shortcuts, in one table: the help overlay lists this table, so what
// is documented is what is bound (the review keys are bound in features/review/useReviewKeys). J/K/L: back 5 s / play-pause / forward 5 s (the shuttle's
// K stops; here it toggles, which is what a reviewer reaches for most).
export const SHORTCUTS: [keys: string, what: string][] = [
  ['Space or K', 'Play / pause'],
  ['J or ←', 'Back 5 seconds'],
  ['L or →', 'Forward 5 seconds'],
  ['↑ / ↓', 'Previous / next turn'],
  ['1 / 2 / 3', 'Solo agent / solo caller / both'],
  ['[ / ]', 'Slower / faster'],
  ['S', 'Skip silence on / off'],
  ['F', 'Follow playback on / off'],
  ['+ / −', 'Zoom in / out (or Ctrl/⌘ + wheel)'],
  ['Ctrl/⌘ + F', 'Find in this call'],
  ['Shift + U / I / D / G', 'Review status: unreviewed / in review / done / flagged'],
  ['N', 'Review next (the next unreviewed call of the open saved view)'],
  ['Ctrl/⌘ + Z', 'Undo the last annotation change'],
  ['?', 'This help'],
  ['Esc', 'Close help, else close the call'],
]
