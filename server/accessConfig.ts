import express from 'express';
import { z } from 'zod';

/** The settings of accounts, screens' access and operator commands, merged into the server's environment schema. */
export const AccessEnv = {
  WALL_ACCESS: z.enum(['open', 'closed']).default('open'),
  TRUST_PROXY: z.string().default('off'),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .min(0.01)
    .max(24 * 14)
    .default(12),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  COMMAND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  ALLOWED_ORIGINS: z.string().optional(),
};

const AccessEnvSchema = z.object(AccessEnv);
type AccessEnvValues = z.output<typeof AccessEnvSchema>;

/** Express's `trust proxy`: false, a number of hops, or addresses and subnets (`loopback`, `10.0.0.0/8`, …). */
export type TrustProxy = boolean | number | string;

export interface AccessConfig {
  /** open: any browser may watch the wall (a trusted LAN); closed: registered screens and signed-in people only. */
  wall: 'open' | 'closed';
  trustProxy: TrustProxy;
  sessionTtlMs: number;
  /** Failed logins per address in 15 minutes before 429. */
  loginRateLimit: number;
  /** How long a command waits for each screen's answer. */
  commandTimeoutMs: number;
  /** Origins other than the server's own that browsers may open sockets from (a dashboard on another host). */
  allowedOrigins: string[];
}

function parseTrustProxy(text: string): { value: TrustProxy } | { problem: string } {
  if (/^(off|false|no|0)$/i.test(text)) return { value: false };
  if (/^\d+$/.test(text)) return { value: Number(text) };
  // NOTE: `true` (trust every hop) lets any client claim any address with X-Forwarded-For, which would defeat the
  // login rate limit; name the proxy's hops or addresses instead.
  if (/^(on|true|yes)$/i.test(text)) return { problem: 'name the proxy (a hop count such as 1, or its address)' };
  try {
    express().set('trust proxy', text);
    return { value: text };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}

export function resolveAccessConfig(e: AccessEnvValues): { access: AccessConfig; problems: string[] } {
  const problems: string[] = [];
  const trust = parseTrustProxy(e.TRUST_PROXY);
  if ('problem' in trust) problems.push(`TRUST_PROXY: ${trust.problem}`);
  const allowedOrigins: string[] = [];
  for (const origin of (e.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim())) {
    if (!origin) continue;
    try {
      const url = new URL(origin);
      if (url.origin !== origin) throw new Error('not an origin');
      allowedOrigins.push(origin);
    } catch {
      problems.push(`ALLOWED_ORIGINS: ${origin} is not an origin such as https://ioc.example.vn`);
    }
  }
  return {
    access: {
      wall: e.WALL_ACCESS,
      trustProxy: 'value' in trust ? trust.value : false,
      sessionTtlMs: Math.round(e.SESSION_TTL_HOURS * 3_600_000),
      loginRateLimit: e.LOGIN_RATE_LIMIT,
      commandTimeoutMs: e.COMMAND_TIMEOUT_MS,
      allowedOrigins,
    },
    problems,
  };
}
