import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConnectorsFile } from './connectorsFile';

const dir = mkdtempSync(path.join(tmpdir(), 'ioc-connectors-'));
writeFileSync(path.join(dir, 'token'), 's3cret-from-file\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** Writes a connectors file and returns its path. */
function file(content: unknown): string {
  n += 1;
  const name = path.join(dir, `connectors-${n}.json`);
  writeFileSync(name, typeof content === 'string' ? content : JSON.stringify(content));
  return name;
}

const http = (overrides: Record<string, unknown> = {}, request: Record<string, unknown> = {}) => ({
  id: 'dvc-portal',
  kind: 'http',
  source: 'dvc',
  schedule: { every: '5m' },
  request: { url: 'http://127.0.0.1:9/stats', ...request },
  mapping: { expression: '$' },
  ...overrides,
});

const problemsOf = (name: string, env: Record<string, string> = {}) => {
  const read = readConnectorsFile(name, env);
  if (!('problems' in read)) throw new Error('expected problems');
  return read.problems;
};

describe('the connectors file', () => {
  it('without a file, there are no connectors', () => {
    expect(readConnectorsFile(undefined, {})).toEqual({ settings: { file: null, connectors: [] } });
  });

  it('names the file, the connector and the field of a bad value', () => {
    const name = file({ connectors: [http(), http({ id: 'police', schedule: { every: 'often' } })] });
    expect(problemsOf(name)).toEqual([
      `CONNECTORS_FILE ${name}: connector "police" (connectors[1]): schedule.every: a duration such as 500ms, 30s, 5m or 2h`,
    ]);
    const bad = file({ connectors: [http({}, { timeout: 5, url: 'ftp://x' })] });
    expect(problemsOf(bad).join('\n')).toMatch(/connector "dvc-portal" \(connectors\[0\]\): request\.url/);
  });

  it('refuses a file that is not JSON, naming it', () => {
    const name = file('{ "connectors": [');
    expect(problemsOf(name)).toEqual([
      expect.stringMatching(new RegExp(`^CONNECTORS_FILE ${name}: cannot read it as JSON`)),
    ]);
  });

  it('refuses a credential written in the file, and an id used twice', () => {
    const name = file({ connectors: [http({}, { headers: { Authorization: 'Bearer abc' } }), http()] });
    const problems = problemsOf(name).join('\n');
    expect(problems).toMatch(/connectors\[0\]\): request\.headers\.Authorization: a credential/);
    expect(problems).toMatch(/connectors\[1\]\): id: used twice/);
  });

  it('reads secrets from the environment and from files, and names one that is missing', () => {
    const secret = path.join(dir, 'token');
    const headers = { Authorization: { env: 'DVC_TOKEN', prefix: 'Bearer ' }, 'X-Api-Key': { file: secret } };
    const name = file({ connectors: [http({}, { headers })] });
    const read = readConnectorsFile(name, { DVC_TOKEN: 'abc' });
    expect('settings' in read && read.settings.connectors[0]?.secrets).toEqual({
      headers: { Authorization: 'Bearer abc', 'X-Api-Key': 's3cret-from-file' },
    });
    expect(problemsOf(name)).toEqual([
      `CONNECTORS_FILE ${name}: connector "dvc-portal" (connectors[0]): request.headers.Authorization: environment variable DVC_TOKEN is not set`,
    ]);
  });

  it('refuses a source name the wall keeps for itself, and a SQL pull with `since` but no $1', () => {
    const sql = {
      id: 'reports',
      kind: 'sql',
      source: 'reports',
      schedule: { cron: '*/5 * * * *' },
      database: { driver: 'postgres', url: { env: 'DB_URL' } },
      query: 'SELECT * FROM t',
      since: {},
      mapping: { expression: '$' },
    };
    const name = file({ connectors: [http({ source: 'simulator' }), sql] });
    expect(problemsOf(name, { DB_URL: 'postgres://x' })).toEqual([
      `CONNECTORS_FILE ${name}: connector "dvc-portal" (connectors[0]): source: "simulator" is reserved for the wall`,
      `CONNECTORS_FILE ${name}: connector "reports" (connectors[1]): query: with "since", the query takes the last seen time as $1`,
    ]);
  });

  it('asks a MySQL query with `since` for its ? placeholder', () => {
    const mysql = {
      id: 'reports',
      kind: 'sql',
      source: 'reports',
      schedule: { every: '1m' },
      database: { driver: 'mysql', url: { env: 'DB_URL' }, timeZone: '+07:00' },
      query: 'SELECT * FROM t WHERE updated_at > $1',
      since: {},
      mapping: { expression: '$' },
    };
    expect(problemsOf(file({ connectors: [mysql] }), { DB_URL: 'mysql://x' })).toEqual([
      expect.stringMatching(
        /connector "reports" \(connectors\[0\]\): query: with "since", the query takes the last seen time as \?$/,
      ),
    ]);
    const fixed = { ...mysql, query: 'SELECT * FROM t WHERE updated_at > ?' };
    expect(readConnectorsFile(file({ connectors: [fixed] }), { DB_URL: 'mysql://x' })).toHaveProperty('settings');
  });

  it('accepts the three examples of the documentation', () => {
    const env = { DVC_PORTAL_TOKEN: 't', COUNTERS_MQTT_PASSWORD: 'p' };
    for (const example of ['connectors-http.json', 'connectors-mqtt.json']) {
      const read = readConnectorsFile(path.resolve(import.meta.dirname, '../../docs/examples', example), env);
      expect(read, example).toHaveProperty('settings');
    }
    // The SQL example reads its URL from a Docker secret: present here as a file of our own.
    const examples = path.resolve(import.meta.dirname, '../../docs/examples');
    const sql = JSON.parse(readFileSync(path.join(examples, 'connectors-sql.json'), 'utf8'));
    sql.connectors[0].database.url = { file: path.join(dir, 'token') };
    expect(readConnectorsFile(file(sql), {})).toHaveProperty('settings');
  });
});
