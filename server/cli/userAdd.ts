// `npm run user:add -- --name <name> --role operator|admin [--replace]`: creates an operator or admin account in the
// data directory (DATA_DIR). The password is asked for twice without echo on a terminal, or read from the first
// line of standard input (`printf '%s\n' "$PW" | npm run user:add -- ...`). Works with the server stopped or
// running (see accountsDb.ts).
import { parseArgs } from 'node:util';
import { MIN_PASSWORD_LENGTH, ROLES, type Role, UserNameSchema } from '../../shared/control';
import { Accounts } from '../access/accounts';
import { systemClock } from '../clock';
import { ConfigError, loadConfig } from '../config';
import { openAccountsDb } from './accountsDb';
import { promptHidden, readFirstLine } from './readPassword';

const USAGE = 'usage: npm run user:add -- --name <name> --role operator|admin [--replace]';
const MAX_PASSWORD_LENGTH = 1024;

class UsageError extends Error {}

function parse(): { name: string; role: Role; replace: boolean } {
  const { values } = parseArgs({
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      replace: { type: 'boolean', default: false },
    },
  });
  const name = UserNameSchema.safeParse(values.name);
  if (!name.success)
    throw new UsageError(`--name: ${values.name === undefined ? 'required' : name.error.issues[0]?.message}`);
  const role = values.role as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role: ${ROLES.join(' or ')}`);
  return { name: name.data, role, replace: values.replace ?? false };
}

async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readFirstLine();
  const first = await promptHidden('Password: ');
  if (first.length < MIN_PASSWORD_LENGTH) return first; // refused below, before asking twice
  const again = await promptHidden('Repeat the password: ');
  if (again !== first) throw new UsageError('the two passwords differ');
  return first;
}

async function main(): Promise<number> {
  const { name, role, replace } = parse();
  const config = loadConfig();
  const password = await readNewPassword();
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
    throw new UsageError(`the password needs ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`);
  }
  const { accounts: store, close, shared } = await openAccountsDb(config.storage, config.dataDir);
  try {
    const accounts = new Accounts(store, systemClock, config.access.sessionTtlMs);
    const user = await accounts.addUser(name, role, password, { replace });
    const where =
      config.storage.kind === 'postgres'
        ? 'PostgreSQL'
        : shared
          ? `${config.dataDir} (next to the running server)`
          : config.dataDir;
    console.log(`${replace ? 'account set' : 'account created'}: ${user.name} (${user.role}) in ${where}`);
    return 0;
  } finally {
    await close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
    else if (error instanceof ConfigError) console.error(error.message);
    else console.error(`user:add failed: ${(error as Error).message}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
