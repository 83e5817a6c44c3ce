import { createAdapter } from '@socket.io/postgres-adapter';
import type { Logger } from '../logger';
import type { PostgresStore } from '../store/postgres/store';

/** How often each server tells the others it is alive, and how long without word before it counts as gone. */
const HEARTBEAT_MS = 2_000;
const HEARTBEAT_TIMEOUT_MS = 5_000;
/** Payloads too big for a NOTIFY go through a table; rows older than this are deleted, every this often. */
const CLEANUP_MS = 30_000;

/**
 * socket.io's PostgreSQL adapter, for the servers of one cluster: broadcasts, room operations (disconnecting a
 * display's screens), `fetchSockets` and server-side events reach every server, through NOTIFY on the store's pool
 * (the adapter holds one of its connections to LISTEN). NOTIFY channels are database-wide, so the channels are
 * named after the schema the wall lives in: two walls in one database never hear each other. Delivery is at most
 * once (a message sent while a server's listener reconnects is lost): the data stream does not go through it.
 */
export async function postgresAdapter(store: PostgresStore, logger: Logger): Promise<ReturnType<typeof createAdapter>> {
  const { rows } = await store.pool.query<{ schema: string }>('SELECT current_schema() AS schema');
  const schema = rows[0]?.schema ?? 'public';
  return createAdapter(store.pool, {
    channelPrefix: `ioc_wall.${schema}`,
    tableName: 'socket_io_attachments',
    cleanupInterval: CLEANUP_MS,
    heartbeatInterval: HEARTBEAT_MS,
    heartbeatTimeout: HEARTBEAT_TIMEOUT_MS,
    errorHandler: (err) => logger.warn({ err }, 'a message between servers was not sent or read'),
  });
}
