import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '../shared/alerts';
import { resolveTargets } from '../shared/catalog';
import { DEFAULT_KIOSK_CONFIG } from '../shared/kiosk';
import { ConfigError, loadConfig } from './config';

/** The problems a bad environment is refused with. */
function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('has a documented default for every setting', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      dataDir: './data',
      clientDir: './dist/client',
      logLevel: 'info',
      timeZone: 'Asia/Ho_Chi_Minh',
      defaultLang: 'vi',
      simulator: { enabled: true, seed: 20240119, rate: 5 },
      realtime: { deltaIntervalMs: 10, deltaBuffer: 6000 },
      kiosk: DEFAULT_KIOSK_CONFIG,
      ingest: { tokens: [], maxObservations: 5000, maxBytes: 1_048_576, rateLimitPerMinute: 600 },
      storage: { kind: 'sqlite', leaseMs: 2000, synchronous: 'full', rawDays: 7, hourlyDays: 730 },
      targets: resolveTargets(),
      alerts: { dropShare: 0.1, silenceMs: 900_000, history: 1000 },
      alertRules: DEFAULT_ALERT_RULES,
      access: {
        wall: 'open',
        trustProxy: false,
        sessionTtlMs: 12 * 3_600_000,
        loginRateLimit: 10,
        commandTimeoutMs: 5000,
        allowedOrigins: [],
      },
      connectors: { file: null, connectors: [] },
      clockStart: null,
    });
  });

  it('starts the clock at CLOCK_START, an instant with its offset, and refuses anything else', () => {
    expect(loadConfig({ CLOCK_START: '2026-12-02T10:30:00+07:00' }).clockStart).toBe(Date.UTC(2026, 11, 2, 3, 30));
    for (const CLOCK_START of ['10:30', '2026-12-02', '2026-12-02T10:30:00', 'tomorrow']) {
      expect(problems({ CLOCK_START })[0]).toMatch(/^CLOCK_START: /);
    }
  });

  it('reads the environment it is given, coercing numbers and switches', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      TIME_ZONE: 'Europe/Paris',
      SIM: 'off',
      SIM_SEED: '-3',
      SIM_RATE: '0.5',
      DELTA_INTERVAL_MS: '250',
      DELTA_BUFFER: '10',
      LOG_LEVEL: 'silent',
      DEFAULT_LANG: 'en',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '127.0.0.1',
      timeZone: 'Europe/Paris',
      logLevel: 'silent',
      defaultLang: 'en',
      simulator: { enabled: false, seed: -3, rate: 0.5 },
      realtime: { deltaIntervalMs: 250, deltaBuffer: 10 },
    });
  });

  it('ignores variables that are not its own', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root' }).port).toBe(8080);
  });

  it('counts an empty variable as unset', () => {
    const config = loadConfig({ PORT: '', TIME_ZONE: '', SIM: '', HOST: '' });
    expect(config.port).toBe(8080);
    expect(config.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(config.simulator.enabled).toBe(true);
    expect(config.host).toBe('0.0.0.0');
  });

  it('refuses a bad PORT, naming it', () => {
    for (const PORT of ['eighty', '65536', '-1', '80.5']) {
      const found = problems({ PORT });
      expect(found).toHaveLength(1);
      expect(found[0]).toMatch(/^PORT: /);
    }
  });

  it('refuses a TIME_ZONE that is not an IANA zone, naming it', () => {
    expect(problems({ TIME_ZONE: 'Mars/Olympus_Mons' })).toEqual(['TIME_ZONE: not an IANA time zone']);
  });

  it('refuses out-of-range realtime settings and unknown switches', () => {
    expect(problems({ DELTA_BUFFER: '9' })[0]).toMatch(/^DELTA_BUFFER: /);
    expect(problems({ DELTA_INTERVAL_MS: '5' })[0]).toMatch(/^DELTA_INTERVAL_MS: /);
    expect(problems({ SIM: 'yes' })[0]).toMatch(/^SIM: /);
    expect(problems({ LOG_LEVEL: 'verbose' })[0]).toMatch(/^LOG_LEVEL: /);
  });

  it('names every bad variable at once, in its message too', () => {
    const error = (() => {
      try {
        loadConfig({ PORT: 'x', TIME_ZONE: 'Nowhere/Else', DEFAULT_LANG: 'fr' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    const { problems: found, message } = error as ConfigError;
    expect(found.map((p) => p.split(':')[0]).sort()).toEqual(['DEFAULT_LANG', 'PORT', 'TIME_ZONE']);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/TIME_ZONE/);
  });

  it('reads the alert settings', () => {
    const config = loadConfig({ ALERT_DROP_SHARE: '0.25', ALERT_SILENCE_SEC: '60', ALERT_HISTORY: '50' });
    expect(config.alerts).toEqual({ dropShare: 0.25, silenceMs: 60_000, history: 50 });
    expect(problems({ ALERT_DROP_SHARE: '1.5' })[0]).toMatch(/^ALERT_DROP_SHARE: /);
    expect(problems({ ALERT_SILENCE_SEC: '0' })[0]).toMatch(/^ALERT_SILENCE_SEC: /);
  });
});

const file = (content: string) => {
  const p = path.join(mkdtempSync(path.join(tmpdir(), 'ioc-targets-')), 'targets.json');
  writeFileSync(p, content);
  return p;
};

describe('TARGETS_FILE', () => {
  it('overrides the catalogue for the indicators it names', () => {
    const targets = loadConfig({ TARGETS_FILE: file('{"online-record-rate": {"target": 45}}') }).targets;
    expect(targets['online-record-rate']).toEqual({ target: 45, bands: { critical: 30, warning: 45 } });
    expect(targets['eid-activation-rate']).toEqual(resolveTargets()['eid-activation-rate']);
  });

  it('refuses a missing file, bad JSON, an unknown indicator or bands the wrong way round, naming the variable', () => {
    expect(problems({ TARGETS_FILE: '/nonexistent/targets.json' })[0]).toMatch(/^TARGETS_FILE: cannot read/);
    expect(problems({ TARGETS_FILE: file('{') })[0]).toMatch(/^TARGETS_FILE: cannot read/);
    expect(problems({ TARGETS_FILE: file('{"speed": {"target": 1}}') })[0]).toMatch(/^TARGETS_FILE: .*speed/);
    expect(
      problems({ TARGETS_FILE: file('{"online-record-rate": {"bands": {"critical": 50, "warning": 40}}}') })[0],
    ).toMatch(/^TARGETS_FILE: online-record-rate: the critical band/);
  });
});

describe('ALERT_RULES_FILE', () => {
  it('gives the shipped rules without a file, and the file’s with one', () => {
    expect(loadConfig({}).alertRules.belowTarget.scope).not.toContain('departments');
    const rules = loadConfig({ ALERT_RULES_FILE: file('{"belowTarget": {"scope": ["departments"]}}') }).alertRules;
    expect(rules.belowTarget).toMatchObject({ severity: 'band', scope: ['departments'] });
  });

  it('refuses a bad file, naming the variable and the field', () => {
    expect(problems({ ALERT_RULES_FILE: file('{') })[0]).toMatch(/^ALERT_RULES_FILE: cannot read/);
    expect(problems({ ALERT_RULES_FILE: file('{"sourceSilent": {"severity": "loud"}}') })[0]).toMatch(
      /^ALERT_RULES_FILE: .*sourceSilent\.severity/,
    );
  });
});
