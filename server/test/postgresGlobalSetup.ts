import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from './postgres';

/**
 * Gives the integration tests a real PostgreSQL: the one `DATABASE_URL` names, else a throwaway one started here
 * and stopped after the run. Never an imitation of PostgreSQL.
 */
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide('databaseUrl', given);
    return undefined;
  }
  const pg = await startThrowawayPostgres();
  project.provide('databaseUrl', pg.url);
  return () => pg.stop();
}
