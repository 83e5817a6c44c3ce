import type { ConnectorError } from '../../shared/connectors';

/** Why a pull or a message failed, with whether trying again soon may help (a timeout may; a 404 will not). */
export class SourceFailure extends Error {
  constructor(
    readonly kind: ConnectorError['kind'],
    message: string,
    readonly transient: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SourceFailure';
  }

  toError(at: number): ConnectorError {
    return { at, kind: this.kind, message: this.message, ...(this.status !== undefined && { status: this.status }) };
  }
}

/** Waits `ms`, or less if `signal` aborts (then it rejects with the abort's reason). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt`, and again after `backoffMs`, twice that, four times that... while it fails with a transient
 * failure, `retries` times at most. A stop (the signal) ends the waiting at once.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  options: { retries: number; backoffMs: number; signal: AbortSignal },
): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      const transient = error instanceof SourceFailure && error.transient;
      if (!transient || tries >= options.retries || options.signal.aborted) throw error;
      await pause(options.backoffMs * 2 ** tries, options.signal);
    }
  }
}
