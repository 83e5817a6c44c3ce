import type { Database } from 'better-sqlite3';
import type { Clock } from '../clock';
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

export function createAccess(db: Database, clock: Clock, sessionTtlMs: number): Access {
  return {
    accounts: new Accounts(db, clock, sessionTtlMs),
    displays: new DisplayRegistry(db, clock),
    tokens: new AutomationTokens(db, clock),
    audit: new AuditLog(db, clock),
  };
}
