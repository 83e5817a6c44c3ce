import { z } from 'zod';
import type { AlertRules } from '../shared/alerts';
import type { IndicatorId, Targets } from '../shared/catalog';
import type { KioskConfig } from '../shared/kiosk';
import { type AccessConfig, AccessEnv, resolveAccessConfig } from './accessConfig';
import { type ConnectorsSettings, readConnectorsFile } from './connectors/connectorsFile';
import { type IngestConfig, IngestEnv, resolveIngestConfig, type StorageConfig } from './ingestConfig';
import { readKioskConfig } from './kioskConfig';
import { readAlertRulesFile, readTargetsFile } from './targetsFile';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const onOff = z.enum(['on', 'off']);

/**
 * Every setting of the server, read from the environment with a documented default (docs/configuration.md).
 * A bad value stops the server at start with a message naming the variable, never halfway through a day.
 */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  CLIENT_DIR: z.string().min(1).default('./dist/client'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TIME_ZONE: z.string().refine(isTimeZone, 'not an IANA time zone').default('Asia/Ho_Chi_Minh'),
  DEFAULT_LANG: z.enum(['vi', 'en']).default('vi'),
  SIM: onOff.default('on'),
  SIM_SEED: z.coerce.number().int().default(20240119),
  SIM_RATE: z.coerce.number().min(0).max(100_000).default(5),
  // The shortest window; a server holding many screens keeps a longer one (docs/performance.md, "The delta window").
  DELTA_INTERVAL_MS: z.coerce.number().int().min(10).max(10_000).default(10),
  // A minute of deltas at a hundred a second, for screens that missed some.
  DELTA_BUFFER: z.coerce.number().int().min(10).max(100_000).default(6000),
  KIOSK_CONFIG: z.string().optional(),
  ...IngestEnv,
  ...AccessEnv,
  TARGETS_FILE: z.string().min(1).optional(),
  ALERT_RULES_FILE: z.string().min(1).optional(),
  ALERT_DROP_SHARE: z.coerce.number().gt(0).lt(1).default(0.1),
  ALERT_SILENCE_SEC: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(900),
  ALERT_HISTORY: z.coerce.number().int().min(10).max(100_000).default(1000),
  CONNECTORS_FILE: z.string().min(1).optional(),
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  clientDir: string;
  logLevel: Env['LOG_LEVEL'];
  timeZone: string;
  defaultLang: Env['DEFAULT_LANG'];
  simulator: { enabled: boolean; seed: number; rate: number };
  realtime: { deltaIntervalMs: number; deltaBuffer: number };
  /** Named playlists and the screens' defaults, from the `KIOSK_CONFIG` file. */
  kiosk: KioskConfig;
  ingest: IngestConfig;
  storage: StorageConfig;
  /** The catalogue's targets and bands with the deployment's overrides (`TARGETS_FILE`). */
  targets: Record<IndicatorId, Targets>;
  alerts: { dropShare: number; silenceMs: number; history: number };
  /** Which figures raise alerts and how severe (`ALERT_RULES_FILE`, else the shipped defaults). */
  alertRules: AlertRules;
  /** Accounts, screens' access, operator commands. */
  access: AccessConfig;
  /** Pull and subscribe connectors (`CONNECTORS_FILE`), their secrets read. */
  connectors: ConnectorsSettings;
  /** The instant the server's clock starts at (`CLOCK_START`, for tests and demos), or none for the real time. */
  clockStart: number | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables count as unset, as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const kiosk = readKioskConfig(e.KIOSK_CONFIG);
  if ('problems' in kiosk) throw new ConfigError(kiosk.problems);
  const { ingest, storage, problems: ingestProblems } = resolveIngestConfig(e);
  const { access, problems: accessProblems } = resolveAccessConfig(e);
  if (ingestProblems.length || accessProblems.length) throw new ConfigError([...ingestProblems, ...accessProblems]);
  const connectors = readConnectorsFile(e.CONNECTORS_FILE, present);
  if ('problems' in connectors) throw new ConfigError(connectors.problems);
  let targets: Config['targets'];
  try {
    targets = readTargetsFile(e.TARGETS_FILE);
  } catch (error) {
    throw new ConfigError([`TARGETS_FILE: ${(error as Error).message}`]);
  }
  let alertRules: AlertRules;
  try {
    alertRules = readAlertRulesFile(e.ALERT_RULES_FILE);
  } catch (error) {
    throw new ConfigError([`ALERT_RULES_FILE: ${(error as Error).message}`]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.DATA_DIR,
    clientDir: e.CLIENT_DIR,
    logLevel: e.LOG_LEVEL,
    timeZone: e.TIME_ZONE,
    defaultLang: e.DEFAULT_LANG,
    simulator: { enabled: e.SIM === 'on', seed: e.SIM_SEED, rate: e.SIM_RATE },
    realtime: { deltaIntervalMs: e.DELTA_INTERVAL_MS, deltaBuffer: e.DELTA_BUFFER },
    kiosk: kiosk.config,
    ingest,
    storage,
    targets,
    alerts: { dropShare: e.ALERT_DROP_SHARE, silenceMs: e.ALERT_SILENCE_SEC * 1000, history: e.ALERT_HISTORY },
    alertRules,
    access,
    connectors: connectors.settings,
    clockStart: e.CLOCK_START === undefined ? null : Date.parse(e.CLOCK_START),
  };
}
