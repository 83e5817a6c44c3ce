import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { RetentionOptions, RetentionStore } from './types';

/** Thrown by a store at a yield point when the job was stopped; ends the cycle quietly. */
export class RetentionStopped extends Error {}

/** Runs retention cycles every `intervalMs` (a minute by default) until stopped; cycles never overlap. */
export function startRetention(
  store: RetentionStore,
  clock: Clock,
  options: RetentionOptions,
  logger: Logger,
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<unknown> | null = null;
  const cycle = () => {
    running = store
      .retain(clock.now(), options, () => stopped)
      .then(
        (done) => {
          if (Object.values(done).some((n) => n > 0)) logger.debug(done, 'retention cycle');
        },
        (error: unknown) => {
          if (!(error instanceof RetentionStopped)) logger.error({ err: error }, 'retention cycle failed');
        },
      );
    running.finally(() => {
      running = null;
      if (!stopped) schedule();
    });
  };
  const schedule = () => {
    timer = setTimeout(cycle, options.intervalMs ?? 60_000);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
