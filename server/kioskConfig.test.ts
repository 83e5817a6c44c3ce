import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_CONFIG } from '../shared/kiosk';
import { ConfigError, loadConfig } from './config';
import { readKioskConfig } from './kioskConfig';

const dir = mkdtempSync(path.join(tmpdir(), 'ioc-kiosk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('readKioskConfig', () => {
  it('gives the defaults without a file', () => {
    expect(readKioskConfig(undefined)).toEqual({ config: DEFAULT_KIOSK_CONFIG });
  });

  it('reads playlists and screen settings', () => {
    const p = file(
      'good.json',
      JSON.stringify({
        playlists: [{ id: 'hall', name: 'Hội trường', items: [{ path: '/', durationSec: 30 }] }],
        screen: { night: { from: '22:00', to: '06:00', brightness: 0.5 }, heapLimitMb: 300, alertHoldMin: null },
      }),
    );
    const read = readKioskConfig(p);
    expect('config' in read && read.config).toEqual({
      playlists: [{ id: 'hall', name: 'Hội trường', items: [{ path: '/', durationSec: 30 }] }],
      screen: {
        burnIn: null,
        night: { from: '22:00', to: '06:00', brightness: 0.5 },
        staleAfterIntervals: 3,
        heapLimitMb: 300,
        alertHoldMin: null,
      },
    });
  });

  it('names the variable, the file and the field of every problem', () => {
    const p = file(
      'bad.json',
      JSON.stringify({ playlists: [{ id: 'hall', items: [{ path: 'grid', durationSec: 0 }] }] }),
    );
    const read = readKioskConfig(p);
    expect('problems' in read && read.problems).toEqual([
      expect.stringMatching(/^KIOSK_CONFIG: .*bad\.json: playlists\.0\.items\.0\.path: /),
      expect.stringMatching(/^KIOSK_CONFIG: .*bad\.json: playlists\.0\.items\.0\.durationSec: /),
    ]);
  });

  it('refuses a file that is missing or not JSON', () => {
    const missing = readKioskConfig(path.join(dir, 'nope.json'));
    expect('problems' in missing && missing.problems[0]).toMatch(/^KIOSK_CONFIG: cannot read .*nope\.json as JSON/);
    const broken = readKioskConfig(file('broken.json', '{ playlists: '));
    expect('problems' in broken && broken.problems[0]).toMatch(/^KIOSK_CONFIG: cannot read .*broken\.json as JSON/);
  });

  it('stops loadConfig, so the server does not start on a bad file', () => {
    const p = file('stop.json', JSON.stringify({ screen: { heapLimitMb: 1 } }));
    expect(() => loadConfig({ KIOSK_CONFIG: p })).toThrow(ConfigError);
    expect(loadConfig({ KIOSK_CONFIG: file('ok.json', '{}') }).kiosk).toEqual(DEFAULT_KIOSK_CONFIG);
  });
});
