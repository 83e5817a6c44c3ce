/** An alert's age in whole days, hours and minutes (a negative age, from a clock ahead of the server's, is 0). */
export function ageParts(ms: number): { days: number; hours: number; minutes: number } {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}

/** The selected alerts that are still listed: one that left the list (acknowledged, ended) is no longer selected. */
export function stillListed(selected: ReadonlySet<string>, listed: readonly string[]): string[] {
  return listed.filter((id) => selected.has(id));
}

/** What the select-all box shows: every listed alert selected, some, or none. */
export function selectAllState(selected: number, listed: number): 'all' | 'some' | 'none' {
  if (selected === 0 || listed === 0) return 'none';
  return selected >= listed ? 'all' : 'some';
}
