import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../test/operatorClient';
import { startHarness } from '../test/support';

const root = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const PASSWORD = 'mật khẩu đủ dài 2024';

/** Runs `npm run user:add` (its script) with the password on standard input, as a deployment script would. */
function userAdd(dataDir: string, stdin: string, ...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/userAdd.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      out += String(d);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
    child.stdin.end(stdin);
  });
}

const login = (url: string, name: string, password = PASSWORD) =>
  call(url, 'POST', '/api/v1/session', { body: { name, password } });

/** Each run of the command starts a Node process with TypeScript loading: seconds each on a busy machine. */
const CLI_TEST_TIMEOUT = 120_000;

describe('npm run user:add', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('creates an account with the server stopped, and another next to the running server', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-users-'));
    dirs.push(dataDir);
    const first = await userAdd(dataDir, `${PASSWORD}\n`, '--name', 'root', '--role', 'admin');
    expect(first.out).toContain('account created: root (admin)');
    expect(first.code).toBe(0);
    expect(first.out).not.toContain(PASSWORD);

    const wall = await startHarness({ DATA_DIR: dataDir });
    try {
      expect((await login(wall.url, 'root')).status).toBe(200);
      const beside = await userAdd(dataDir, PASSWORD, '--name', 'lan', '--role', 'operator');
      expect(beside.out).toContain('account created: lan (operator)');
      expect(beside.out).toContain('next to the running server');
      expect((await login(wall.url, 'lan')).status).toBe(200);

      // An existing name is refused unless replaced; replacing ends the account's sessions.
      const again = await userAdd(dataDir, PASSWORD, '--name', 'lan', '--role', 'admin');
      expect(again.code).toBe(1);
      expect(again.out).toContain('an account named lan exists');
      const session = (await login(wall.url, 'lan')).headers.get('set-cookie')?.split(';')[0] ?? '';
      const replaced = await userAdd(
        dataDir,
        'another long password\n',
        '--name',
        'lan',
        '--role',
        'admin',
        '--replace',
      );
      expect(replaced.code).toBe(0);
      expect((await call(wall.url, 'GET', '/api/v1/session', { cookie: session })).body).toEqual({ user: null });
      expect((await login(wall.url, 'lan', 'another long password')).body).toMatchObject({ user: { role: 'admin' } });
    } finally {
      await wall.close();
    }
  });

  it('refuses a short password, a bad name or role, and writes nothing', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-users-'));
    dirs.push(dataDir);
    const short = await userAdd(dataDir, 'short\n', '--name', 'lan', '--role', 'operator');
    expect(short.code).toBe(2);
    expect(short.out).toContain('the password needs 10 to 1024 characters');
    expect((await userAdd(dataDir, PASSWORD, '--name', 'l a n', '--role', 'operator')).code).toBe(2);
    const role = await userAdd(dataDir, PASSWORD, '--name', 'lan', '--role', 'root');
    expect(role.code).toBe(2);
    expect(role.out).toContain('--role: operator or admin');
  });
});
