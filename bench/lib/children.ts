import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/** Everything the bench still has to stop, by what started it; run on the way out, whatever happens. */
const cleanups = new Set<() => Promise<void>>();

/** Registers a stop function; returns its removal, for when the thing stopped on its own. */
export function onExit(stop: () => Promise<void>): () => void {
  cleanups.add(stop);
  return () => cleanups.delete(stop);
}

/** Stops everything still registered (servers, browsers, helper processes), newest first. */
export async function stopAll(): Promise<void> {
  for (const stop of [...cleanups].reverse()) {
    cleanups.delete(stop);
    await stop().catch((error: unknown) => console.error('bench: a cleanup failed', error));
  }
}

export interface NodeChild {
  process: ChildProcess;
  pid: number;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
  /** Sends SIGTERM to this process (by its pid) and waits for it to end. */
  stop(): Promise<void>;
}

/**
 * Runs a TypeScript file of the repository in a Node process of its own (with tsx), its output on the bench's
 * console, an IPC channel for messages, and a cleanup registered until it exits.
 */
export function runNode(script: string, args: string[] = [], env: Record<string, string> = {}): NodeChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  const pid = child.pid;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const unregister = onExit(stop);
  void exited.then(unregister);
  return { process: child, pid, exited, stop };
}
