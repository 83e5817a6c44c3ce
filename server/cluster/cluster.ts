import type { Jobs } from '../jobs';
import type { Logger } from '../logger';
import type { Ingest } from '../sources/ingest';
import type { PostgresStore } from '../store/postgres/store';
import { Lease } from './lease';
import { LogTail, type LogTailDeps } from './logTail';

export type Role = 'writer' | 'follower';

export interface ClusterSettings {
  serverId: string;
  url: string;
  /** How long the writer's lease lasts without renewal: the longest a dead writer holds the wall's writes. */
  leaseMs: number;
}

export interface ClusterStatus {
  server: string;
  role: Role;
  /** The writer's term this server last held or saw. */
  term: number;
  seq: number;
  storedSeq: number;
  ready: boolean;
}

/**
 * One server among several on PostgreSQL. The server holding the writer's lease commits batches (under its term,
 * checked in each commit) and runs the once-only jobs; the others follow the shared log and serve screens. A
 * follower tries for the lease on every renewal tick: when the writer dies, the lease ends within `leaseMs` and
 * one follower takes it, catches up to the stored seq, and only then writes and starts the jobs.
 */
export class Cluster {
  private role: Role = 'follower';
  private term = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private ticking: Promise<void> | null = null;
  private readonly lease: Lease;
  private readonly tail: LogTail;

  constructor(
    private readonly settings: ClusterSettings,
    private readonly deps: {
      store: PostgresStore;
      ingest: Ingest;
      jobs: Jobs;
      logger: Logger;
    } & Pick<LogTailDeps, 'state' | 'onApplied'>,
  ) {
    this.lease = new Lease(deps.store.pool, settings.serverId, settings.leaseMs);
    this.tail = new LogTail({ pool: deps.store.pool, url: settings.url, ...deps });
    // Until this server holds the lease, its commits are refused (a source sent to it gets 503 and retries).
    deps.store.batches.fence = { holder: settings.serverId, term: -1 };
  }

  async start(): Promise<void> {
    await this.tail.start();
    await this.tick();
    this.timer = setInterval(() => void this.tick(), Math.max(50, Math.floor(this.settings.leaseMs / 4)));
    this.timer.unref();
  }

  status(): ClusterStatus {
    const seq = this.deps.state.seq;
    return {
      server: this.settings.serverId,
      role: this.role,
      term: this.term,
      seq,
      storedSeq: Math.max(this.tail.storedSeq, this.role === 'writer' ? seq : 0),
      ready: this.role === 'writer' || this.tail.caughtUp,
    };
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.ticking;
    if (this.role === 'writer') {
      await this.deps.jobs.stop();
      await this.deps.ingest.idle();
      await this.lease.release(this.term).catch(() => undefined);
    }
    await this.tail.stop();
  }

  private tick(): Promise<void> {
    this.ticking ??= (this.role === 'writer' ? this.renew() : this.tryToLead())
      .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'writer lease not checked'))
      .finally(() => {
        this.ticking = null;
      });
    return this.ticking;
  }

  private async tryToLead(): Promise<void> {
    const term = await this.lease.acquire();
    if (term === null) return;
    // Apply everything the last writer committed before writing anything: its seqs are this server's base.
    await this.tail.stop();
    await this.tail.catchUp(true);
    this.term = term;
    this.deps.store.batches.fence = { holder: this.settings.serverId, term };
    this.role = 'writer';
    this.deps.logger.info({ term, seq: this.deps.state.seq }, 'this server is the writer now');
    // Not awaited: renewals go on while the jobs start (the simulator's first figures take a while).
    this.deps.jobs.start().catch((error: unknown) => this.deps.logger.error({ err: error }, 'jobs did not start'));
  }

  private async renew(): Promise<void> {
    let held = false;
    try {
      held = await this.lease.renew(this.term);
    } catch (error) {
      // PostgreSQL did not answer: the lease may end meanwhile, and the fence refuses commits once it has.
      this.deps.logger.warn({ err: error }, 'writer lease not renewed');
      return;
    }
    if (held) return;
    this.deps.logger.warn({ term: this.term }, 'this server lost the writer lease; following the log');
    this.role = 'follower';
    this.deps.store.batches.fence = { holder: this.settings.serverId, term: -1 };
    await this.deps.jobs.stop();
    await this.deps.ingest.idle();
    await this.tail.start();
  }
}
