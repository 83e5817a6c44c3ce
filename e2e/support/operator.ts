import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { DisplayTokenIssued, Role } from '../../shared/control';

const root = path.resolve(import.meta.dirname, '../..');

/** The password of every end-to-end account. */
export const E2E_PASSWORD = 'mật khẩu của phòng điều hành';

/**
 * Creates an account with the real command (`npm run user:add`'s script), the password on standard input, next to
 * the running server. The command is the bundle the run's global setup builds (`WALL_USER_ADD_SCRIPT`), on plain
 * `node`: a second sooner than through tsx, for each account; `server/cli/userAdd.ts` through tsx without it.
 */
export function addUser(dataDir: string, name: string, role: Role): Promise<void> {
  const bundle = process.env.WALL_USER_ADD_SCRIPT;
  const command = bundle ? [path.join(root, bundle)] : ['--import', 'tsx', 'server/cli/userAdd.ts'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command, '--name', name, '--role', role], {
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
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`user:add exited ${code}: ${out}`))));
    child.stdin.end(`${E2E_PASSWORD}\n`);
  });
}

/** Signs in over the API, as a script would; returns the session cookie. */
export async function signInApi(url: string, name: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: E2E_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** Registers a display as an admin; returns its kiosk address with the token in the fragment. */
export async function registerDisplay(url: string, cookie: string, id: string, name: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/displays`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ id, name, group: 'hall', location: 'Hội trường tầng 2' }),
  });
  if (res.status !== 201) throw new Error(`register ${id}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as DisplayTokenIssued).path;
}

/** Signs in on the console's page and waits for its live feed. */
export async function signInConsole(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}/operator`);
  await page.getByTestId('login-name').fill(name);
  await page.getByTestId('login-password').fill(E2E_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('feed-state')).toHaveClass(/live/);
}
