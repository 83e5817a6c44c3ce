import type { Logger } from '../logger';

/** How often one address or socket may put a refusal in the log: the first at once, the rest as a count. */
export const REFUSAL_LOG_INTERVAL_MS = 60_000;

export interface RefusalLog {
  /** Logs the first refusal for `key` (an address, a socket), and counts the next ones until the interval ends. */
  refused(key: string, fields: Record<string, unknown>, message: string): void;
  /** Logs what is pending for `key` now (a socket that left), and forgets it. */
  forget(key: string): void;
  /** Logs the counts still pending, and stops the timers (at shutdown). */
  close(): void;
}

/**
 * Refusals that anyone can cause (a wrong event on a socket, a screen event without a credential, a flood past the
 * rate limit) reach the log once per interval per source, with a count, so that a client cannot make the server
 * write without limit; the operator still sees who and how often.
 */
export function createRefusalLog(logger: Logger, intervalMs = REFUSAL_LOG_INTERVAL_MS): RefusalLog {
  const pending = new Map<
    string,
    { fields: Record<string, unknown>; message: string; more: number; timer: NodeJS.Timeout }
  >();

  const flush = (key: string) => {
    const entry = pending.get(key);
    if (!entry) return;
    pending.delete(key);
    clearTimeout(entry.timer);
    if (entry.more > 0) {
      logger.warn(
        { ...entry.fields, refusals: entry.more, intervalSec: intervalMs / 1000 },
        `${entry.message} (${entry.more} more in ${intervalMs / 1000} s)`,
      );
    }
  };

  return {
    refused(key, fields, message) {
      const entry = pending.get(key);
      if (entry) {
        entry.more += 1;
        entry.fields = fields;
        entry.message = message;
        return;
      }
      logger.warn(fields, message);
      const timer = setTimeout(() => flush(key), intervalMs);
      timer.unref();
      pending.set(key, { fields, message, more: 0, timer });
    },
    forget: flush,
    close() {
      for (const key of [...pending.keys()]) flush(key);
    },
  };
}
