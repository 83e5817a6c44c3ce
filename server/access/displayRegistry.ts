import type { z } from 'zod';
import type { Display, DisplayInputSchema, DisplayPatchSchema } from '../../shared/control';
import type { Clock } from '../clock';
import type { DisplayStore } from '../store/types';
import { newToken, tokenHash } from './secrets';

/**
 * Registered displays and their tokens. A token is long-lived (it does not expire with any login), stored as a
 * hash, shown once when issued, and revocable; a new token replaces the old one.
 */
export class DisplayRegistry {
  constructor(
    private readonly store: DisplayStore,
    private readonly clock: Clock,
  ) {}

  list(): Promise<Display[]> {
    return this.store.list();
  }

  get(id: string): Promise<Display | null> {
    return this.store.get(id);
  }

  /** The display a token belongs to, unless revoked or replaced. */
  byToken(token: string): Promise<Display | null> {
    return this.store.byTokenHash(tokenHash(token));
  }

  /** Registers a display and issues its first token; null when the id is taken. */
  async register(
    input: z.output<typeof DisplayInputSchema>,
    by: string,
  ): Promise<{ display: Display; token: string } | null> {
    const token = newToken('iocd');
    if (!(await this.store.insert(input, tokenHash(token), this.clock.now(), by))) return null;
    return { display: (await this.store.get(input.id)) as Display, token };
  }

  async update(id: string, patch: z.output<typeof DisplayPatchSchema>): Promise<Display | null> {
    const current = await this.store.get(id);
    if (!current) return null;
    return this.store.update(id, {
      name: patch.name ?? current.name,
      group: patch.group ?? current.group,
      location: patch.location ?? current.location,
    });
  }

  /** A new token for a display; the old one stops working. */
  async issueToken(id: string): Promise<{ display: Display; token: string } | null> {
    const token = newToken('iocd');
    const display = await this.store.setToken(id, tokenHash(token));
    return display ? { display, token } : null;
  }

  revoke(id: string): Promise<Display | null> {
    return this.store.revoke(id, this.clock.now());
  }

  remove(id: string): Promise<boolean> {
    return this.store.remove(id);
  }

  /** Notes that a screen of the display was connected now (on connect and on leaving, not on every report). */
  touch(id: string): Promise<void> {
    return this.store.touch(id, this.clock.now());
  }
}
