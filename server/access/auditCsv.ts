import type { AuditEntry, CommandOutcome } from '../../shared/control';

const HEADER = ['id', 'at_utc', 'at_local', 'actor', 'action', 'target', 'detail', 'result'];

/**
 * A cell as a spreadsheet reads it safely: quoted, and text that a spreadsheet would run as a formula (`=`, `+`,
 * `-`, `@`, a tab or carriage return first) made plain text with a leading apostrophe. An announcement's text is
 * free text from a person; exported, it must stay text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

const isOutcomes = (result: unknown): result is CommandOutcome[] =>
  Array.isArray(result) && result.every((o) => typeof o === 'object' && o !== null && 'result' in o);

/** A result in a few words: `hall-1 applied; hall-2 timed-out` for a command, as stored otherwise. */
export function resultText(result: unknown): string {
  if (result === null) return 'pending';
  if (isOutcomes(result)) {
    return result.length
      ? result.map((o) => `${o.display} ${o.result}${o.error ? ` (${o.error})` : ''}`).join('; ')
      : 'no displays';
  }
  return typeof result === 'string' ? result : JSON.stringify(result);
}

/**
 * The audit log as CSV (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so that a spreadsheet shows the
 * Vietnamese as written). Times in UTC (ISO 8601) and in the deployment's time zone.
 */
export function auditCsv(entries: readonly AuditEntry[], timeZone: string): string {
  const local = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const rows = entries.map((e) => [
    String(e.id),
    new Date(e.at).toISOString(),
    local.format(e.at),
    e.actor,
    e.action,
    e.target,
    JSON.stringify(e.detail),
    resultText(e.result),
  ]);
  return `\ufeff${[HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
