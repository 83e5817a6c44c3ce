import mysql from 'mysql2/promise';

/** A database of a test's own on a running MySQL or MariaDB server. */
export interface TestMysql {
  /** The connection string of the test's database. */
  url: string;
  sql(text: string, params?: unknown[]): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * A fresh database, dropped on close, on the server at `MYSQL_URL`, or the machine's MariaDB (127.0.0.1:3306, root
 * without a password, as on the project's machines).
 */
export async function startTestMysql(): Promise<TestMysql> {
  const server = process.env.MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/';
  let admin: mysql.Connection;
  try {
    admin = await mysql.createConnection({ uri: server, connectTimeout: 2_000, multipleStatements: true });
  } catch (error) {
    throw new Error(`no MySQL or MariaDB at ${server} (set MYSQL_URL): ${(error as Error).message}`);
  }
  const name = `ioc_connectors_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.query(`USE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    sql: (text, params) => admin.query(text, params),
    async close() {
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}
