import type { AuditEntry } from '../../shared/control';
import type { Clock } from '../clock';
import type { AuditRecord, AuditStore } from '../store/types';

export type { AuditRecord } from '../store/types';

/**
 * Who did what to which screens, and how it went, in the database. A command is written when it goes out and
 * completed with its outcome when every screen has answered, so a command is on record even if the server stops
 * in between. Never holds a secret: a token issued is recorded as issued, not by its value.
 */
export class AuditLog {
  constructor(
    private readonly store: AuditStore,
    private readonly clock: Clock,
  ) {}

  /** Writes an action whose outcome is not known yet; resolves with its id for `finish`. */
  begin(record: AuditRecord, at = this.clock.now()): Promise<number> {
    return this.store.begin(record, at);
  }

  finish(id: number, result: unknown): Promise<void> {
    return this.store.finish(id, result);
  }

  /** Writes an action that is done already (an administrative change). */
  async record(record: AuditRecord, result: unknown = 'ok'): Promise<number> {
    const id = await this.begin(record);
    await this.finish(id, result);
    return id;
  }

  /** The most recent entries first; `before` pages back by id. */
  list(query: { limit: number; before?: number }): Promise<AuditEntry[]> {
    return this.store.list(query);
  }
}
