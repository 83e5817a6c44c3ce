import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import mqtt, { type MqttClient } from 'mqtt';

const MOSQUITTO = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'];

export interface TestBroker {
  url: string;
  /** A publisher on the broker (QoS 1 publishes resolve once the broker has them). */
  publish(topic: string, payload: unknown): Promise<void>;
  /** Ends the broker (own brokers only), as a crash of the broker would. */
  stop(): Promise<void>;
  /** Starts it again on the same port (own brokers only), unless it runs. */
  restart(): Promise<void>;
  /** Ends the persistent session a connector left under `clientId`, so that a shared broker keeps nothing of it. */
  forget(clientId: string): Promise<void>;
  close(): Promise<void>;
}

/** Whether a process has neither exited nor been killed. */
const alive = (p: ChildProcess) => p.exitCode === null && p.signalCode === null;

/** A loopback port that was free a moment ago. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const reachable = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1_000, () => {
      socket.destroy();
      resolve(false);
    });
  });

async function waitForPort(port: number): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await reachable(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the broker did not listen on ${port}`);
}

/**
 * A real MQTT broker: the machine's Mosquitto on 127.0.0.1:1883 when it answers (tests use topics of their own),
 * or, with `own` or when none answers, a Mosquitto of the test's own on a free port (one it may stop and restart).
 */
export async function startTestBroker(options: { own?: boolean } = {}): Promise<TestBroker> {
  let child: ChildProcess | null = null;
  let dir: string | null = null;
  let port = 1883;
  const own = options.own || !(await reachable(port));
  const launch = async () => {
    const binary = MOSQUITTO.find((p) => existsSync(p));
    if (!binary)
      throw new Error('no MQTT broker on 127.0.0.1:1883 and no mosquitto installed (apt-get install mosquitto)');
    const config = path.join(dir as string, 'mosquitto.conf');
    writeFileSync(config, `listener ${port} 127.0.0.1\nallow_anonymous true\npersistence false\n`);
    child = spawn(binary, ['-c', config], { stdio: 'ignore' });
    await waitForPort(port);
  };
  if (own) {
    dir = mkdtempSync(path.join(tmpdir(), 'ioc-mqtt-'));
    port = await freePort();
    await launch();
  }
  const url = `mqtt://127.0.0.1:${port}`;
  let publisher: MqttClient | null = null;
  const stopChild = async () => {
    const running = child as ChildProcess | null;
    if (!running || !alive(running)) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGKILL');
    await exited;
  };
  return {
    url,
    async publish(topic, payload) {
      publisher ??= await mqtt.connectAsync(url, { clientId: `ioc-test-publisher-${process.pid}-${Date.now()}` });
      await publisher.publishAsync(topic, JSON.stringify(payload), { qos: 1 });
    },
    async stop() {
      if (!own) throw new Error('only a broker of the test’s own can be stopped');
      await publisher?.endAsync(true);
      publisher = null;
      await stopChild();
    },
    async restart() {
      const running = child as ChildProcess | null;
      if (running && alive(running)) return;
      await launch();
    },
    async forget(clientId) {
      const client = await mqtt.connectAsync(url, { clientId, clean: true, protocolVersion: 5 });
      await client.endAsync();
    },
    async close() {
      await publisher?.endAsync(true);
      await stopChild();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
