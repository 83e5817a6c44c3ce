import { readFileSync } from 'node:fs';
import {
  type ConnectorConfig,
  ConnectorsFileSchema,
  type HttpConnectorConfig,
  type MqttConnectorConfig,
  type SecretRef,
  type SqlConnectorConfig,
} from '../../shared/connectors';
import { RESERVED_SOURCES } from '../ingestConfig';

/** A connector with its secrets read: header values, the database URL and the broker password in clear. */
export type ResolvedConnector =
  | (HttpConnectorConfig & { secrets: { headers: Record<string, string> } })
  | (SqlConnectorConfig & { secrets: { databaseUrl: string } })
  | (MqttConnectorConfig & { secrets: { password?: string } });

export interface ConnectorsSettings {
  /** The file they came from, for messages. */
  file: string | null;
  connectors: ResolvedConnector[];
}

type Env = Record<string, string | undefined>;

/** Reads a secret from the environment or a file; throws a message naming where it looked, never the value. */
function readSecret(ref: SecretRef, env: Env): string {
  let value: string | undefined;
  if ('env' in ref) {
    value = env[ref.env];
    if (value === undefined || value === '') throw new Error(`environment variable ${ref.env} is not set`);
  } else {
    try {
      value = readFileSync(ref.file, 'utf8').trim();
    } catch (error) {
      throw new Error(`cannot read ${ref.file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (value === '') throw new Error(`${ref.file} is empty`);
  }
  return `${ref.prefix ?? ''}${value}`;
}

/** Where a connector sits in the file, as a message names it: `connector "dvc" (connectors[0])`. */
function connectorLabel(raw: unknown, index: number): string {
  const id = (raw as { connectors?: { id?: unknown }[] } | null)?.connectors?.[index]?.id;
  return typeof id === 'string' ? `connector "${id}" (connectors[${index}])` : `connectors[${index}]`;
}

function resolve(c: ConnectorConfig, env: Env, problem: (field: string, message: string) => void): ResolvedConnector {
  const secret = (ref: SecretRef, field: string): string => {
    try {
      return readSecret(ref, env);
    } catch (error) {
      problem(field, (error as Error).message);
      return '';
    }
  };
  switch (c.kind) {
    case 'http': {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(c.request.headers)) {
        headers[name] = typeof value === 'string' ? value : secret(value, `request.headers.${name}`);
      }
      return { ...c, secrets: { headers } };
    }
    case 'sql':
      return { ...c, secrets: { databaseUrl: secret(c.database.url, 'database.url') } };
    case 'mqtt':
      return { ...c, secrets: c.broker.password ? { password: secret(c.broker.password, 'broker.password') } : {} };
  }
}

/**
 * Reads the connectors file (`CONNECTORS_FILE`) and the secrets it names. Returns every problem instead, each
 * naming the file, the connector and the field, so that the server refuses to start on a bad file. Without a file,
 * no connectors.
 */
export function readConnectorsFile(
  file: string | undefined,
  env: Env,
): { settings: ConnectorsSettings } | { problems: string[] } {
  if (file === undefined) return { settings: { file: null, connectors: [] } };
  const where = `CONNECTORS_FILE ${file}`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { problems: [`${where}: cannot read it as JSON (${(error as Error).message})`] };
  }
  const parsed = ConnectorsFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => {
        const [top, index, ...field] = issue.path;
        if (top === 'connectors' && typeof index === 'number') {
          return `${where}: ${connectorLabel(raw, index)}: ${field.join('.') || '(connector)'}: ${issue.message}`;
        }
        return `${where}: ${issue.path.join('.') || '(file)'}: ${issue.message}`;
      }),
    };
  }
  const problems: string[] = [];
  const connectors = parsed.data.connectors.map((c, i) => {
    const problem = (field: string, message: string) =>
      problems.push(`${where}: ${connectorLabel(raw, i)}: ${field}: ${message}`);
    if (RESERVED_SOURCES.has(c.source)) problem('source', `"${c.source}" is reserved for the wall`);
    if (c.kind === 'sql' && c.since) {
      const placeholder = c.database.driver === 'postgres' ? '$1' : '?';
      const present = c.database.driver === 'postgres' ? /\$1\b/.test(c.query) : c.query.includes('?');
      if (!present) problem('query', `with "since", the query takes the last seen time as ${placeholder}`);
    }
    return resolve(c, env, problem);
  });
  return problems.length > 0 ? { problems } : { settings: { file, connectors } };
}

/** Thrown when the file is well formed but does not fit this deployment (a unit code the region set lacks). */
export class ConnectorSetupError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid connectors:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConnectorSetupError';
  }
}
