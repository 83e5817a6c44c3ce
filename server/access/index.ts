import type { Clock } from '../clock';
import type { WallStore } from '../store/types';
import { Accounts } from './accounts';
import { AuditLog } from './auditLog';
import { AutomationTokens } from './automationTokens';
import { DisplayRegistry } from './displayRegistry';

export type { Session, User } from './accounts';

/** Everything about who may do what: accounts and sessions, displays, automation tokens, and the audit log. */
export interface Access {
  accounts: Accounts;
  displays: DisplayRegistry;
  tokens: AutomationTokens;
  audit: AuditLog;
}

export function createAccess(store: WallStore, clock: Clock, sessionTtlMs: number): Access {
  return {
    accounts: new Accounts(store.accounts, clock, sessionTtlMs),
    displays: new DisplayRegistry(store.displays, clock),
    tokens: new AutomationTokens(store.tokens, clock),
    audit: new AuditLog(store.audit, clock),
  };
}
