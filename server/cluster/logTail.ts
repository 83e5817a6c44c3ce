import pg from 'pg';
import type { Reading } from '../../shared/protocol';
import type { Logger } from '../logger';
import type { LiveState } from '../state/liveState';

/** How often a follower reads the log even without a doorbell (a NOTIFY lost while its listener reconnected). */
const POLL_MS = 500;
/** Batches read per query. */
const PAGE = 500;

export interface LogTailDeps {
  pool: pg.Pool;
  /** The connection string, for the listening connection of its own (a pooled one cannot hold LISTEN). */
  url: string;
  state: LiveState;
  logger: Logger;
  /** Receives every batch applied, in seq order (the broadcaster, through the alert engine). */
  onApplied(seq: number, changes: readonly Reading[]): void;
}

/**
 * A server that is not the writer follows the shared log: NOTIFY rings a doorbell on each commit, and the server
 * reads the batches after its seq from the `batches` table in seq order (also on a timer and on every reconnect),
 * applying each to its live state only if it follows the one before: every server fans out the same seqs.
 */
export class LogTail {
  private listener: pg.Client | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private reading: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  /** The last seq stored in the database, as last read. */
  storedSeq = 0;
  /** Set when the log no longer holds the batches after this server's seq (retention): it cannot catch up. */
  broken = false;

  constructor(private readonly deps: LogTailDeps) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.timer = setInterval(() => void this.catchUp(), POLL_MS);
    this.timer.unref();
    void this.listen();
    await this.catchUp();
  }

  /** Whether this server holds what the database holds, as of the last read. */
  get caughtUp(): boolean {
    return !this.broken && this.deps.state.seq >= this.storedSeq;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.reading;
  }

  /**
   * Reads and applies every batch after this server's seq; resolves when none is left as of its last read. Once
   * stopped (this server writes now), only a forced call reads: a late doorbell must not apply this server's own
   * commits behind its ingest's back.
   */
  catchUp(force = false): Promise<void> {
    if (this.stopped && !force) return Promise.resolve();
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.again = false;
        try {
          while ((await this.readPage()) === PAGE);
        } catch (error) {
          this.deps.logger.warn({ err: error }, 'shared log not read; trying again');
        }
      } while (this.again);
    })().finally(() => {
      this.reading = null;
    });
    return this.reading;
  }

  private async readPage(): Promise<number> {
    const { state, pool } = this.deps;
    const head = state.seq;
    const stored = await pool.query<{ seq: number }>('SELECT seq FROM wall_state WHERE id = 1');
    this.storedSeq = stored.rows[0]?.seq ?? 0;
    if (this.storedSeq <= head) return 0;
    const { rows } = await pool.query<{ seq: number; source: string; changes: Reading[] }>(
      'SELECT seq, source, changes FROM batches WHERE seq > $1 ORDER BY seq LIMIT $2',
      [head, PAGE],
    );
    for (const row of rows) {
      if (row.seq !== state.seq + 1) {
        // Retention removed batches this server never applied: it must restart from the stored state.
        this.broken = true;
        this.deps.logger.error({ seq: state.seq, next: row.seq }, "the shared log has a gap after this server's seq");
        return 0;
      }
      state.commit([{ seq: row.seq, source: row.source, observations: [], changes: row.changes, late: [] }]);
      this.deps.onApplied(row.seq, row.changes);
    }
    return rows.length;
  }

  private async listen(): Promise<void> {
    while (!this.stopped) {
      const client = new pg.Client({ connectionString: this.deps.url });
      // Handled from the start and for good: PostgreSQL going away can emit 'error' during the LISTEN, or more than
      // once, and an 'error' without a handler would end the whole server.
      const lost = new Promise<void>((resolve) => {
        client.on('error', () => resolve());
        client.once('end', () => resolve());
      });
      try {
        await client.connect();
        if (this.stopped) {
          await client.end().catch(() => undefined);
          break;
        }
        this.listener = client;
        client.on('notification', () => void this.catchUp());
        await client.query('LISTEN wall_seq');
        // Batches committed while the listener was away are read now.
        void this.catchUp();
        await lost;
      } catch (error) {
        if (!this.stopped) {
          this.deps.logger.warn({ err: error }, 'shared log doorbell not connected; reading on the timer meanwhile');
        }
      }
      this.listener = null;
      await client.end().catch(() => undefined);
      if (!this.stopped) await new Promise((r) => setTimeout(r, POLL_MS));
    }
    this.listener = null;
  }
}
