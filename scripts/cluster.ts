// `npm run cluster`: a local demo of several wall servers on PostgreSQL behind HAProxy. Starts three servers
// (ports 8081-8083, simulator on) on DATABASE_URL and a balancer on http://localhost:8080 (CLUSTER_PORT moves
// the four ports); Ctrl-C stops them all.
// Needs PostgreSQL (DATABASE_URL, by default the local `test` database) and Debian's haproxy. Kill a server
// (`kill -9 <pid>`, printed below) and watch the wall carry on.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { haproxyConfig } from '../server/cluster/haproxy';

const root = path.resolve(import.meta.dirname, '..');
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const base = Number(process.env.CLUSTER_PORT ?? 8080);
const ports = [base + 1, base + 2, base + 3];
const children: ChildProcess[] = [];

for (const [i, port] of ports.entries()) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      STORE: 'postgres',
      DATABASE_URL: databaseUrl,
      SERVER_ID: `wall-${i + 1}`,
      PORT: String(port),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'ioc-wall-cluster-')),
    },
    stdio: 'inherit',
  });
  console.log(`server wall-${i + 1}: http://localhost:${port} (pid ${child.pid})`);
  children.push(child);
}
const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-haproxy-'));
writeFileSync(
  path.join(dir, 'haproxy.cfg'),
  haproxyConfig(base, ports).replace(`127.0.0.1:${base}`, `0.0.0.0:${base}`),
);
children.push(spawn('haproxy', ['-f', path.join(dir, 'haproxy.cfg'), '-db'], { stdio: 'inherit' }));
console.log(`the wall through HAProxy: http://localhost:${base} (each server: /api/v1/cluster)`);

const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
