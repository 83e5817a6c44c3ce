import type { Role } from '../../shared/control';
import type { Session } from './accounts';
import type { Access } from './index';

/** The cookie that carries an operator's session token. */
export const SESSION_COOKIE = 'ioc_session';

/** Who is asking: a signed-in person, or a script with an automation token (operator rights). */
export type Actor =
  | { kind: 'user'; name: string; role: Role; session: Session }
  | { kind: 'token'; name: string; role: 'operator'; tokenId: number };

/** How an actor appears in the audit log: the account's name, or `token:<name>` for an automation token. */
export const actorLabel = (actor: Actor): string => (actor.kind === 'user' ? actor.name : `token:${actor.name}`);

/** Whether an actor has a role's rights: admins have an operator's too. */
export const mayAct = (actor: Actor, role: Role): boolean => role === 'operator' || actor.role === 'admin';

/** One cookie's value from a `Cookie` header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerOf(header: string | undefined): string | undefined {
  return header ? /^Bearer +(\S+)\s*$/i.exec(header)?.[1] : undefined;
}

export interface CredentialHeaders {
  cookie?: string | undefined;
  authorization?: string | undefined;
}

/** The session a request's cookie opens, if any. */
export async function sessionOf(access: Access, headers: CredentialHeaders): Promise<Session | null> {
  const token = readCookie(headers.cookie, SESSION_COOKIE);
  return token ? access.accounts.session(token) : null;
}

/** Who a request (or a socket's handshake) comes from: its session cookie, else its automation token. */
export async function actorOf(
  access: Access,
  headers: CredentialHeaders,
  bearer = bearerOf(headers.authorization),
): Promise<Actor | null> {
  const session = await sessionOf(access, headers);
  if (session) return { kind: 'user', name: session.user.name, role: session.user.role, session };
  if (bearer?.startsWith('ioca_')) {
    const token = await access.tokens.use(bearer);
    if (token) return { kind: 'token', name: token.name, role: 'operator', tokenId: token.id };
  }
  return null;
}
