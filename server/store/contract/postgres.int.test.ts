import { testDatabaseUrl, testSchema } from '../../test/postgres';
import { openPostgresStore } from '../postgres/store';
import { storeContract } from './storeContract';

let n = 0;
storeContract('PostgreSQL', () =>
  openPostgresStore({ url: testDatabaseUrl(), schema: testSchema(`contract_${++n}`), poolSize: 3 }),
);
