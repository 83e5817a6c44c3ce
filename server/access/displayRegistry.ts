import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { Display, DisplayInputSchema, DisplayPatchSchema } from '../../shared/control';
import type { Clock } from '../clock';
import { newToken, tokenHash } from './secrets';

interface DisplayRow {
  id: string;
  name: string;
  grp: string;
  location: string;
  created_at: number;
  created_by: string;
  revoked_at: number | null;
  last_seen_at: number | null;
}

const COLUMNS = 'id, name, grp, location, created_at, created_by, revoked_at, last_seen_at';

const displayOf = (row: DisplayRow): Display => ({
  id: row.id,
  name: row.name,
  group: row.grp,
  location: row.location,
  createdAt: row.created_at,
  createdBy: row.created_by,
  revokedAt: row.revoked_at,
  lastSeenAt: row.last_seen_at,
});

/**
 * Registered displays and their tokens. A token is long-lived (it does not expire with any login), stored as a
 * hash, shown once when issued, and revocable; a new token replaces the old one.
 */
export class DisplayRegistry {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  list(): Display[] {
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM displays ORDER BY grp, id`).all() as DisplayRow[];
    return rows.map(displayOf);
  }

  get(id: string): Display | null {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM displays WHERE id = ?`).get(id) as DisplayRow | undefined;
    return row ? displayOf(row) : null;
  }

  /** The display a token belongs to, unless revoked or replaced. */
  byToken(token: string): Display | null {
    const row = this.db
      .prepare(`SELECT ${COLUMNS} FROM displays WHERE token_hash = ? AND revoked_at IS NULL`)
      .get(tokenHash(token)) as DisplayRow | undefined;
    return row ? displayOf(row) : null;
  }

  /** Registers a display and issues its first token; null when the id is taken. */
  register(input: z.output<typeof DisplayInputSchema>, by: string): { display: Display; token: string } | null {
    if (this.get(input.id)) return null;
    const token = newToken('iocd');
    this.db
      .prepare(
        `INSERT INTO displays (id, name, grp, location, token_hash, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(input.id, input.name, input.group, input.location, tokenHash(token), this.clock.now(), by);
    return { display: this.get(input.id) as Display, token };
  }

  update(id: string, patch: z.output<typeof DisplayPatchSchema>): Display | null {
    const current = this.get(id);
    if (!current) return null;
    this.db
      .prepare('UPDATE displays SET name = ?, grp = ?, location = ? WHERE id = ?')
      .run(patch.name ?? current.name, patch.group ?? current.group, patch.location ?? current.location, id);
    return this.get(id);
  }

  /** A new token for a display; the old one stops working. */
  issueToken(id: string): { display: Display; token: string } | null {
    const token = newToken('iocd');
    const changed = this.db
      .prepare('UPDATE displays SET token_hash = ?, revoked_at = NULL WHERE id = ?')
      .run(tokenHash(token), id).changes;
    return changed ? { display: this.get(id) as Display, token } : null;
  }

  revoke(id: string): Display | null {
    this.db
      .prepare('UPDATE displays SET token_hash = NULL, revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(this.clock.now(), id);
    return this.get(id);
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM displays WHERE id = ?').run(id).changes > 0;
  }

  /** Notes that a screen of the display was connected now (on connect and on leaving, not on every report). */
  touch(id: string): void {
    this.db.prepare('UPDATE displays SET last_seen_at = ? WHERE id = ?').run(this.clock.now(), id);
  }
}
