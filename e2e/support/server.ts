import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * The working morning the shared end-to-end server (and the kiosk gallery) starts its clock at, whatever the hour:
 * the simulator's office-hour peak, so figures move the same way at 03:00 as at 10:30.
 */
export const WORKING_MORNING = '2026-12-02T10:30:00+07:00';

export interface WallServer {
  url: string;
  port: number;
  dataDir: string;
  process: ChildProcess;
  /** Stops the server gracefully (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL), as a crash or a power cut would. */
  kill(): Promise<void>;
}

export interface WallServerOptions {
  env?: Record<string, string>;
  /** Reuse a data directory (a restart); a fresh temporary one by default. */
  dataDir?: string;
  port?: number;
  /** How long to wait for the server to listen. */
  timeoutMs?: number;
  /**
   * Another server with the same contract (PORT, HOST, DATA_DIR, /healthz), relative to the repository. A `.mjs`
   * file (the prebuilt bundle, scripts/buildServer.ts) runs on plain `node`, TypeScript through tsx. By default
   * `WALL_SERVER_SCRIPT` (the bundle the end-to-end run builds in its global setup), else `server/main.ts`.
   */
  script?: string;
  /** Options for Node itself (`--cpu-prof`, which NODE_OPTIONS does not take). */
  nodeArgs?: string[];
  /**
   * Run the server in a process group of its own, stopped and killed as a group: for a script that must leave
   * nothing behind, and that stops the server itself on Ctrl-C (the terminal's signal no longer reaches it).
   */
  ownGroup?: boolean;
}

/** A loopback port that was free a moment ago (the OS picks it; the server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Runs the real server (`server/main.ts`, serving the built client) as a child process on a loopback port, and
 * resolves once it answers /healthz. Build the client first (scripts/build-if-stale.mjs).
 */
export async function startWallServer(options: WallServerOptions = {}): Promise<WallServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'ioc-wall-'));
  const port = options.port ?? (await freePort());
  const script = path.join(root, options.script ?? process.env.WALL_SERVER_SCRIPT ?? 'server/main.ts');
  const loader = script.endsWith('.mjs') ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, script], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: options.ownGroup === true,
  });
  const signal = (name: NodeJS.Signals) => {
    if (options.ownGroup && child.pid !== undefined) process.kill(-child.pid, name);
    else child.kill(name);
  };
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before listening`);
    if (Date.now() > deadline) {
      signal('SIGKILL');
      throw new Error('server did not answer /healthz in time');
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const owned = options.dataDir === undefined;
  const end = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) signal(name);
    await exited;
  };
  return {
    url,
    port,
    dataDir,
    process: child,
    async stop() {
      await end('SIGTERM');
      if (owned) rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => end('SIGKILL'),
  };
}
