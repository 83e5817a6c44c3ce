import { driverConfig, runDriver } from '../driver/runDriver';
import { runNode } from '../lib/children';
import { processCpuSeconds } from '../lib/procCpu';
import type { Target } from '../lib/servers';
import type { ClientFigures, ReceiversConfig } from './receivers';

export interface FanoutOptions {
  target: Target;
  clients: number;
  /** Updates per second from the driver. */
  rate: number;
  seconds: number;
  /** Seconds of updates sent before the measured ones (see DriverConfig.warmupSeconds). */
  warmupSeconds?: number;
  first?: number;
}

export interface FanoutResult {
  sent: number;
  /** Messages (deltas, or the floor's updates) per second per client. */
  messagesPerSecond: number;
  /** How far behind the newest observation the worst client was: its p99 and its worst message, ms. */
  worstP99: number;
  worstMax: number;
  /** Clients that received nothing (a broken connection). */
  silent: number;
  serverCores: number;
  serverUsPerUpdate: number;
}

/** Waits for a message of `type` from a child process. */
export function message<T>(child: ReturnType<typeof runNode>, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type?: string }) => {
      if (m.type !== type) return;
      child.process.off('message', onMessage);
      resolve(m as T);
    };
    child.process.on('message', onMessage);
    void child.exited.then((code) => reject(new Error(`receivers exited (${code}) before "${type}"`)));
  });
}

/**
 * Many screens without rendering: `clients` sockets (in a process of their own) on the target while the driver
 * sends `rate` updates a second for `seconds`; the server's CPU, and how far behind the clients fell.
 */
export async function fanoutScenario(options: FanoutOptions): Promise<FanoutResult> {
  const { target } = options;
  const config: ReceiversConfig = { url: target.url, kind: target.kind, clients: options.clients };
  const receivers = runNode('bench/scenarios/receivers.ts', [JSON.stringify(config)]);
  try {
    await message(receivers, 'ready');
    let start = { cpu: 0, at: 0 };
    let used = { cpu: 0, seconds: 0 };
    const driver = await runDriver(driverConfig(target.url, options), {
      sending: () => {
        start = { cpu: processCpuSeconds(target.pid), at: performance.now() };
        receivers.process.send({ type: 'record' });
      },
      answered: () => {
        used = { cpu: processCpuSeconds(target.pid) - start.cpu, seconds: (performance.now() - start.at) / 1000 };
      },
    });
    // The last deltas leave within one interval of the last answer.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const figures = message<{ figures: ClientFigures[] }>(receivers, 'figures');
    receivers.process.send({ type: 'stop' });
    const clients = (await figures).figures;
    const measured = driver.sends.length - driver.measuredFrom;
    const heard = clients.filter((c) => c.messages > 0);
    return {
      sent: measured,
      messagesPerSecond: heard.reduce((n, c) => n + c.messages, 0) / heard.length / used.seconds,
      worstP99: Math.max(...heard.map((c) => c.p99)),
      worstMax: Math.max(...heard.map((c) => c.max)),
      silent: clients.length - heard.length,
      serverCores: used.cpu / used.seconds,
      serverUsPerUpdate: (used.cpu / measured) * 1e6,
    };
  } finally {
    await receivers.stop();
  }
}
