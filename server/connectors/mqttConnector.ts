import { createHash } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import type { ConnectorError } from '../../shared/connectors';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { Ingest } from '../sources/ingest';
import type { ResolvedConnector } from './connectorsFile';
import { pause } from './failure';
import type { ConnectorHealthTracker } from './health';
import { compileExpression, type Mapper } from './mapping';

type MqttConnector = Extract<ResolvedConnector, { kind: 'mqtt' }>;

/** PUBACK's reason codes (MQTT 5): taken, or taken and dropped because it can never be applied. */
const ACCEPTED = 0;
const PAYLOAD_INVALID = 0x99;
/** How long the broker keeps the session, and the messages not yet acknowledged, while the wall is away. */
const SESSION_EXPIRY_SEC = 7 * 86_400;
/** Waits between tries to store a message while the wall's storage refuses writes. */
const STORAGE_RETRY_MS = { first: 500, max: 10_000 };

export interface MqttConnectorDeps {
  config: MqttConnector;
  mapper: Mapper;
  ingest: Pick<Ingest, 'submitSoon'>;
  health: ConnectorHealthTracker;
  clock: Clock;
  logger: Logger;
}

/**
 * An MQTT subscription with QoS 1, acknowledged to the broker only once the message is committed (or can never be):
 * mqtt.js hands over one message at a time and reads nothing more until it is acknowledged, so the wall holds one
 * message in memory and the broker keeps the rest in the persistent session (a fixed client id, clean start off).
 * While storage refuses writes, the message in hand is tried again with a growing wait; if the connection drops
 * meanwhile, it is let go and the broker delivers it again. Redeliveries carry the same idempotency key.
 */
export function mqttConnector(deps: MqttConnectorDeps): { start(): void; stop(): Promise<void> } {
  const { config: c, health, clock, logger } = deps;
  const messageKey = c.messageKey ? compileExpression(c.messageKey) : null;
  const stopping = new AbortController();
  let client: MqttClient | null = null;
  /** Counts connections: an acknowledgement is sent only on the connection its message came by. */
  let generation = 0;
  let connected = false;

  /** Records a failure, and logs it when it is news (not the same as the last one). */
  const report = (error: ConnectorError, refused = 0) => {
    if (health.failed(error, refused))
      logger.warn({ connector: c.id, kind: error.kind, err: error.message }, 'connector failed');
  };
  const fail = (kind: 'broker' | 'parse' | 'mapping' | 'storage', message: string, refused = 0) =>
    report({ at: clock.now(), kind, message }, refused);

  /** Handles one message; resolves with the PUBACK reason code, or null to leave it unacknowledged. */
  async function handle(topic: string, payload: Buffer, from: number): Promise<number | null> {
    health.attempted(clock.now());
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload.toString('utf8'));
    } catch (error) {
      fail('parse', `a message on ${topic} is not JSON: ${(error as Error).message}`, 1);
      return PAYLOAD_INVALID;
    }
    const input = { topic, levels: topic.split('/'), payload: parsed };
    const receivedAt = clock.now();
    const mapped = await deps.mapper.map(input, receivedAt);
    if (!mapped.ok) {
      report({ at: receivedAt, kind: 'mapping', message: `${topic}: ${mapped.message}`, issues: mapped.issues });
      return PAYLOAD_INVALID;
    }
    if (mapped.observations.length === 0) {
      health.succeeded(receivedAt, 0);
      return ACCEPTED;
    }
    const hash = createHash('sha256').update(topic).update('\n').update(payload).digest('hex');
    const own = messageKey ? await messageKey.evaluate(input).catch(() => undefined) : undefined;
    const key = `mqtt:${c.id}:${own === undefined ? hash.slice(0, 40) : String(own)}`;
    for (let wait = STORAGE_RETRY_MS.first; ; wait = Math.min(wait * 2, STORAGE_RETRY_MS.max)) {
      const result = await deps.ingest.submitSoon(c.source, mapped.observations, { idempotency: { key, hash } });
      const at = clock.now();
      if (result.ok) {
        health.succeeded(at, result.replayed ? 0 : result.accepted);
        return ACCEPTED;
      }
      if (result.reason === 'invalid') {
        const issues = result.issues
          .slice(0, 20)
          .map((i) => ({ path: ['records', ...i.path.slice(1)], message: i.message }));
        const message = `${topic}: the wall refused ${result.issues.length} observations; nothing of the message was applied`;
        report({ at, kind: 'refused', message, issues }, mapped.observations.length);
        return PAYLOAD_INVALID;
      }
      if (result.reason === 'conflict') {
        fail('mapping', `${topic}: ${result.message}`, mapped.observations.length);
        return PAYLOAD_INVALID;
      }
      fail('storage', `${result.message} (a message on ${topic} waits unacknowledged)`);
      try {
        await pause(wait, stopping.signal);
      } catch {
        return null;
      }
      if (generation !== from) return null;
    }
  }

  return {
    start() {
      health.attempted(clock.now());
      const url = new URL(c.broker.url);
      client = mqtt.connect(url.toString(), {
        clientId: c.broker.clientId ?? `ioc-wall-${c.id}`,
        protocolVersion: 5,
        clean: false,
        properties: { sessionExpiryInterval: SESSION_EXPIRY_SEC },
        resubscribe: false,
        reconnectPeriod: 2_000,
        connectTimeout: 10_000,
        ...(c.broker.username && { username: c.broker.username }),
        ...(c.secrets.password && { password: c.secrets.password }),
        customHandleAcks(topic, message, _packet, done) {
          const from = generation;
          handle(topic, message, from).then(
            (code) => {
              if (code !== null && generation === from && !stopping.signal.aborted) done(code);
            },
            (error: unknown) => {
              logger.error({ connector: c.id, err: error }, 'an MQTT message could not be handled');
            },
          );
        },
      });
      client.on('connect', (connack) => {
        generation += 1;
        connected = true;
        if (connack.sessionPresent) {
          health.succeeded(clock.now(), 0);
          return;
        }
        client?.subscribe(c.topics, { qos: 1 }, (error, granted) => {
          const refused = (granted ?? []).filter((g) => g.qos !== 1 && g.qos !== 0).map((g) => g.topic);
          if (error || refused.length > 0) {
            fail('broker', `the broker refused the subscription: ${error?.message ?? refused.join(', ')}`);
          } else {
            health.succeeded(clock.now(), 0);
          }
        });
      });
      client.on('error', (error) => fail('broker', error.message));
      client.on('close', () => {
        // A connection that never opened has its reason in the `error` event.
        if (connected && !stopping.signal.aborted)
          fail('broker', `the connection to ${url.host} was lost; reconnecting`);
        connected = false;
      });
    },
    async stop() {
      stopping.abort();
      await client?.endAsync(true);
    },
  };
}
