import type { AutomationToken } from '../../shared/control';
import type { Clock } from '../clock';
import type { TokenStore } from '../store/types';
import { newToken, tokenHash } from './secrets';

/** Tokens an admin issues for scripts and other systems (a meeting-room schedule, a home automation): operator rights. */
export class AutomationTokens {
  constructor(
    private readonly store: TokenStore,
    private readonly clock: Clock,
  ) {}

  list(): Promise<AutomationToken[]> {
    return this.store.list();
  }

  async create(name: string, by: string): Promise<{ token: AutomationToken; secret: string }> {
    const secret = newToken('ioca');
    const token = await this.store.insert(name, tokenHash(secret), this.clock.now(), by);
    return { token, secret };
  }

  /** The live token a secret is, noting its use; null for an unknown or revoked one. */
  use(secret: string): Promise<AutomationToken | null> {
    return this.store.use(tokenHash(secret), this.clock.now());
  }

  revoke(id: number): Promise<AutomationToken | null> {
    return this.store.revoke(id, this.clock.now());
  }
}
