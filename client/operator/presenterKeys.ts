/**
 * A presenter remote's keys, read only in presenter mode: +1 for the next view, -1 for the previous, null for
 * any other key. Remotes send PageDown/PageUp (most) or the right and left arrows. The up and down arrows are not
 * among them: they scroll the page, and scrolling never steers a screen.
 */
export function presenterStep(key: string): 1 | -1 | null {
  if (key === 'PageDown' || key === 'ArrowRight') return 1;
  if (key === 'PageUp' || key === 'ArrowLeft') return -1;
  return null;
}

/** Keys typed into a field are the field's, not the remote's. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  return !!el && (el.isContentEditable === true || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName ?? ''));
}
