import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { ConnectorHealth, ConnectorList } from '../../../shared/connectors';
import { call, signedIn } from '../../test/operatorClient';
import type { Harness } from '../../test/support';

/** Writes a connectors file into a fresh directory (removed after each test); returns its path. */
export function useConnectorsFile(): (connectors: unknown[]) => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (connectors) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ioc-connectors-'));
    dirs.push(dir);
    const file = path.join(dir, 'connectors.json');
    writeFileSync(file, JSON.stringify({ connectors }));
    return file;
  };
}

/** The connectors' health as an operator reads it from `GET /api/v1/connectors`. */
export async function connectorHealth(h: Harness, cookie: string): Promise<Record<string, ConnectorHealth>> {
  const res = await call<ConnectorList>(h.url, 'GET', '/api/v1/connectors', { cookie });
  if (res.status !== 200) throw new Error(`GET /api/v1/connectors: ${res.status}`);
  return Object.fromEntries(res.body.connectors.map((c) => [c.id, c]));
}

/** An operator's cookie on `h`. */
export const operator = (h: Harness) => signedIn(h, 'lan', 'operator');
