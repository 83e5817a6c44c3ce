import { z } from 'zod';

/** Operators steer the screens; admins also register displays and issue automation tokens. */
export const ROLES = ['operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const UserNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}$/, 'letters, digits, ".", "_" or "-" (at most 64)');

/** The shortest password an account may have. */
export const MIN_PASSWORD_LENGTH = 10;

export const LoginSchema = z.strictObject({
  name: UserNameSchema,
  password: z.string().min(1).max(1024),
});

/** Who is signed in, and until when: `POST` and `GET /api/v1/session`. */
export const SessionInfoSchema = z.strictObject({
  user: z.strictObject({ name: z.string(), role: z.enum(ROLES) }),
  expiresAt: z.number().int(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

/**
 * `GET /api/v1/session`: who is signed in, or `{ user: null }` when nobody is (no cookie, or a session that ended).
 * Being signed out is an answer, not an error: a page that asks before showing its sign-in form gets 200.
 */
export const SessionStateSchema = z.union([SessionInfoSchema, z.strictObject({ user: z.null() })]);
export type SessionState = z.infer<typeof SessionStateSchema>;

/** An automation token as listed (never its secret). */
export const AutomationTokenSchema = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.number().int(),
  createdBy: z.string(),
  lastUsedAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});
export type AutomationToken = z.infer<typeof AutomationTokenSchema>;

export const AutomationTokenInputSchema = z.strictObject({ name: z.string().trim().min(1).max(80) });

/** One line of the audit log: who did what, to which screens, and how it went. */
export const AuditEntrySchema = z.strictObject({
  id: z.number().int(),
  at: z.number().int(),
  actor: z.string(),
  /** A command's type (`show`, `announce`, …) or an administrative action (`display.register`, `token.revoke`, …). */
  action: z.string(),
  target: z.string(),
  detail: z.unknown(),
  /** The outcome: per display for a command; null while a command is still out. */
  result: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
