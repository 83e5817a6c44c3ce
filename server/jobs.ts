import type { Logger } from './logger';

/** Something that must run on one server only (of several sharing a database): started, and later stopped. */
export interface Job {
  name: string;
  start(): Stoppable | Promise<Stoppable>;
}

interface Stoppable {
  stop(): void | Promise<void>;
}

/**
 * The once-only jobs of the wall: the simulator, the alert engine's timer, the day rollover, retention and the
 * hourly fold, the connectors. A server alone starts them when it listens; in a cluster, the server holding the writer's lease
 * starts them when it gains the lease and stops them when it loses it.
 */
export class Jobs {
  private readonly jobs: Job[] = [];
  private running: { name: string; job: Stoppable }[] | null = null;

  constructor(private readonly logger: Logger) {}

  register(job: Job): void {
    this.jobs.push(job);
  }

  get started(): boolean {
    return this.running !== null;
  }

  names(): string[] {
    return this.jobs.map((j) => j.name);
  }

  /** Starts every job in the order registered, each once the one before it has started. */
  async start(): Promise<void> {
    if (this.running) return;
    const running: { name: string; job: Stoppable }[] = [];
    this.running = running;
    for (const job of this.jobs) {
      const started = await job.start();
      // Stopped while starting (the lease was lost): what started last stops too, and nothing more starts.
      if (this.running !== running) {
        await started.stop();
        return;
      }
      running.push({ name: job.name, job: started });
    }
    this.logger.debug({ jobs: this.names() }, 'once-only jobs started');
  }

  async stop(): Promise<void> {
    const running = this.running ?? [];
    this.running = null;
    for (const { name, job } of running.reverse()) {
      try {
        await job.stop();
      } catch (error) {
        this.logger.error({ err: error, job: name }, 'a job did not stop cleanly');
      }
    }
  }
}
