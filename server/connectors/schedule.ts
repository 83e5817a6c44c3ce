import { Cron } from 'croner';
import type { ConnectorConfig, ConnectorWhen } from '../../shared/connectors';

const MAX_TIMER_MS = 2 ** 31 - 1;

type PullConfig = Extract<ConnectorConfig, { kind: 'http' | 'sql' }>;

export interface Schedule {
  /** What it is, for the connector's health. */
  readonly when: ConnectorWhen;
  /** When the run after one that started at `startedAt` is due. */
  next(startedAt: number): number;
}

/** An interval, counted from the start of each run, or a cron expression in the deployment's time zone. */
export function makeSchedule(schedule: PullConfig['schedule'], timeZone: string): Schedule {
  const { every } = schedule as { every?: number };
  if (every !== undefined) return { when: { every }, next: (startedAt) => startedAt + every };
  // Throws on a pattern croner cannot read: the connectors' setup turns that into a start-up error.
  const pattern = (schedule as { cron: string }).cron;
  const cron = new Cron(pattern, { timezone: timeZone, paused: true });
  return {
    when: { cron: pattern, timeZone },
    next: (startedAt) => cron.nextRun(new Date(startedAt))?.getTime() ?? Number.MAX_SAFE_INTEGER,
  };
}

/**
 * Runs `run` at once, then on its schedule; never two runs of one connector at a time (a run that overruns its
 * slot is followed by the next one straight away). `stop` aborts the run in progress and waits for it to end.
 */
export function loop(
  run: (signal: AbortSignal) => Promise<void>,
  schedule: Schedule,
  onNext: (at: number | null) => void,
): { start(): void; stop(): Promise<void> } {
  const stopping = new AbortController();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: Promise<void> = Promise.resolve();

  /** setTimeout takes at most 2^31 - 1 ms (24 days): a farther run waits in steps. */
  const waitFor = (at: number) => {
    const delay = Math.max(0, at - Date.now());
    timer = delay > MAX_TIMER_MS ? setTimeout(() => waitFor(at), MAX_TIMER_MS) : setTimeout(tick, delay);
  };
  const tick = () => {
    timer = null;
    const startedAt = Date.now();
    current = run(stopping.signal).finally(() => {
      if (stopping.signal.aborted) return;
      const next = schedule.next(startedAt);
      onNext(next);
      waitFor(next);
    });
  };

  return {
    start: tick,
    async stop() {
      stopping.abort();
      if (timer) clearTimeout(timer);
      onNext(null);
      await current.catch(() => undefined);
    },
  };
}
