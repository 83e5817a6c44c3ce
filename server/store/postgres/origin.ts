import type pg from 'pg';

/**
 * Where the wall's state was written: the PostgreSQL cluster (its system identifier, from initdb), its timeline
 * (a new one after a point-in-time recovery or a standby's promotion) and the `wall_state` table itself (a new
 * one after any pg_restore, even into the same cluster). A part PostgreSQL does not let this role read is null.
 */
export interface Origin {
  system: string | null;
  timeline: number | null;
  table: number;
}

/** Why an origin part could not be read, when it could not (for the log). */
export interface ReadOrigin {
  origin: Origin;
  unreadable: string[];
}

/** PostgreSQL's "insufficient privilege". */
const DENIED = '42501';

/** Reads one part, as null when this role may not; any other error stands. */
async function readable<T>(
  client: pg.PoolClient,
  sql: string,
  column: string,
  unreadable: string[],
): Promise<T | null> {
  await client.query('SAVEPOINT origin_part');
  try {
    const { rows } = await client.query<Record<string, T>>(sql);
    await client.query('RELEASE SAVEPOINT origin_part');
    return rows[0]?.[column] ?? null;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT origin_part');
    if ((error as { code?: string }).code !== DENIED) throw error;
    unreadable.push(sql.replace(/^SELECT .* FROM /, ''));
    return null;
  }
}

/** The origin of the database this transaction runs on. */
export async function currentOrigin(client: pg.PoolClient): Promise<ReadOrigin> {
  const unreadable: string[] = [];
  const system = await readable<string>(
    client,
    'SELECT system_identifier::text AS system FROM pg_control_system()',
    'system',
    unreadable,
  );
  const timeline = await readable<number>(
    client,
    'SELECT timeline_id AS timeline FROM pg_control_checkpoint()',
    'timeline',
    unreadable,
  );
  const { rows } = await client.query<{ table: number }>("SELECT 'wall_state'::regclass::oid::bigint AS table");
  return { origin: { system, timeline, table: Number(rows[0]?.table) }, unreadable };
}

export const originText = (origin: Origin): string => JSON.stringify(origin);

/**
 * What differs between the stored origin and this one, or nothing: a part read on one side only (a role's rights
 * changed) proves nothing. An origin stored in another shape is taken as different.
 */
export function originChange(stored: string, current: Origin): string[] {
  let was: Partial<Origin>;
  try {
    was = JSON.parse(stored) as Partial<Origin>;
  } catch {
    return ['the stored origin is unreadable'];
  }
  const changes: string[] = [];
  if (was.system != null && current.system !== null && was.system !== current.system) {
    changes.push(`another PostgreSQL cluster (system identifier ${was.system} -> ${current.system})`);
  }
  if (was.timeline != null && current.timeline !== null && was.timeline !== current.timeline) {
    changes.push(`another timeline (${was.timeline} -> ${current.timeline})`);
  }
  if (was.table !== current.table) changes.push(`a restored wall_state table (oid ${was.table} -> ${current.table})`);
  return changes;
}

/** This origin, its unreadable parts taken from the stored one. */
export function withStoredParts(current: Origin, stored: string): Origin {
  const was = JSON.parse(stored) as Partial<Origin>;
  return {
    system: current.system ?? was.system ?? null,
    timeline: current.timeline ?? was.timeline ?? null,
    table: current.table,
  };
}
