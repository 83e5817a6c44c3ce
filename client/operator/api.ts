import { z } from 'zod';
import { type ApiErrorBody, ApiErrorBodySchema, type ApiIssue } from '../../shared/api';
import {
  type AlertAckResult,
  AlertAckResultSchema,
  type AuditEntry,
  AuditEntrySchema,
  type AutomationToken,
  AutomationTokenSchema,
  type CommandInput,
  type CommandResult,
  CommandResultSchema,
  type CommandTarget,
  type Display,
  type DisplayInput,
  DisplaySchema,
  type DisplayTokenIssued,
  DisplayTokenIssuedSchema,
  type SessionInfo,
  SessionInfoSchema,
  SessionStateSchema,
} from '../../shared/control';
import { type KioskConfig, KioskConfigSchema } from '../../shared/kiosk';

/** An answer of the API other than success, with its code (`UNAUTHORIZED`, …), message and the fields it names. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorBody['error']['code'] | 'NETWORK',
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * One request to the API, its answer checked against the shared schema. The session cookie goes by itself (same
 * origin); a body goes as JSON, which a page of another site cannot send here without the browser asking first.
 */
async function request<T>(method: string, path: string, schema: z.ZodType<T> | null, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      cache: 'no-store',
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', (error as Error).message);
  }
  if (!res.ok) {
    const parsed = ApiErrorBodySchema.safeParse(await res.json().catch(() => null));
    if (parsed.success) {
      const { code, message, issues } = parsed.data.error;
      throw new ApiError(res.status, code, message, issues);
    }
    throw new ApiError(res.status, 'INTERNAL', `HTTP ${res.status}`);
  }
  if (!schema) return undefined as T;
  return schema.parse(await res.json());
}

export const operatorApi = {
  /** Who is signed in; null when nobody is (answered 200, so that asking logs no error in the browser). */
  session: (): Promise<SessionInfo | null> =>
    request('GET', '/api/v1/session', SessionStateSchema).then((s) => (s.user === null ? null : s)),
  signIn: (name: string, password: string) => request('POST', '/api/v1/session', SessionInfoSchema, { name, password }),
  signOut: () => request('DELETE', '/api/v1/session', null),
  command: (target: CommandTarget, command: CommandInput): Promise<CommandResult> =>
    request('POST', '/api/v1/commands', CommandResultSchema, { target, command }),
  audit: (limit = 100): Promise<AuditEntry[]> =>
    request('GET', `/api/v1/audit?limit=${limit}`, z.object({ entries: z.array(AuditEntrySchema) })).then(
      (a) => a.entries,
    ),
  kiosk: (): Promise<KioskConfig> => request('GET', '/api/v1/kiosk', KioskConfigSchema),
  /** Acknowledges the alerts, all or none: an id that names no active alert refuses the request (404, naming it). */
  acknowledgeAlerts: (ids: readonly string[]): Promise<AlertAckResult> =>
    request('POST', '/api/v1/alerts/ack', AlertAckResultSchema, { ids }),
  registerDisplay: (input: DisplayInput): Promise<DisplayTokenIssued> =>
    request('POST', '/api/v1/displays', DisplayTokenIssuedSchema, input),
  newDisplayToken: (id: string): Promise<DisplayTokenIssued> =>
    request('POST', `/api/v1/displays/${encodeURIComponent(id)}/token`, DisplayTokenIssuedSchema),
  revokeDisplay: (id: string): Promise<Display> =>
    request('DELETE', `/api/v1/displays/${encodeURIComponent(id)}/token`, DisplaySchema),
  removeDisplay: (id: string) => request('DELETE', `/api/v1/displays/${encodeURIComponent(id)}`, null),
  tokens: (): Promise<AutomationToken[]> =>
    request('GET', '/api/v1/tokens', z.object({ tokens: z.array(AutomationTokenSchema) })).then((t) => t.tokens),
  createToken: (name: string) =>
    request('POST', '/api/v1/tokens', z.object({ token: AutomationTokenSchema, secret: z.string() }), { name }),
  revokeToken: (id: number) => request('DELETE', `/api/v1/tokens/${id}`, AutomationTokenSchema),
};

export type OperatorApi = typeof operatorApi;
