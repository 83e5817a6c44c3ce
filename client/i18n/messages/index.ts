import { alertMessages } from './alerts';
import { districtMessages } from './district';
import { gridMessages } from './grid';
import { identityMessages } from './identity';
import { kioskMessages } from './kiosk';
import { officeMessages } from './office';
import { overviewMessages } from './overview';
import { remoteMessages } from './remote';
import { serviceIndexMessages } from './serviceIndex';
import { servicesMessages } from './services';
import { tasksMessages } from './tasks';
import { trendMessages } from './trends';
import { viewMessages } from './views';

/**
 * Every feature's messages, merged. A feature adds its own file here, so features do not edit each other's
 * wording. Keys are prefixed by feature (`counter.`, `trend.`, `alert.`, ...); a clash fails the messages test.
 */
const FEATURES = [
  overviewMessages,
  alertMessages,
  viewMessages,
  districtMessages,
  gridMessages,
  identityMessages,
  servicesMessages,
  tasksMessages,
  serviceIndexMessages,
  trendMessages,
  kioskMessages,
  remoteMessages,
  officeMessages,
] as const;

type Merge<T extends readonly { vi: object }[]> = T extends readonly [infer H extends { vi: object }, ...infer R]
  ? H['vi'] & Merge<R extends readonly { vi: object }[] ? R : []>
  : unknown;

export type Messages = Merge<typeof FEATURES>;
export type MessageKey = keyof Messages & string;

const merge = (lang: 'vi' | 'en') => Object.assign({}, ...FEATURES.map((f) => f[lang])) as Record<MessageKey, string>;

export const vi = merge('vi');
export const en = merge('en');
/** For the messages test: every feature's keys, to find a key two features both define. */
export const featureKeys = FEATURES.map((f) => Object.keys(f.vi));
