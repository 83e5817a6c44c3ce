import { describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/protocol';
import { alertEvents } from './alertEvents';

const MIN = 60_000;
const alert = (over: Partial<Alert>): Alert => ({
  id: `${over.region}|${over.rule}|${over.startedAt}`,
  rule: 'below-target',
  severity: 'warning',
  region: '417',
  indicator: 'online-record-rate',
  source: null,
  value: 38,
  threshold: 40,
  startedAt: 0,
  endedAt: null,
  acknowledged: false,
  ...over,
});

describe('alertEvents', () => {
  const now = 60 * MIN;
  it('groups the units that fell below target on one indicator into one line, the newest unit first', () => {
    const events = alertEvents(
      [
        alert({ region: '417', startedAt: now - 5 * MIN }),
        alert({ region: '418', startedAt: now - 2 * MIN }),
        alert({ region: '419', startedAt: now - 9 * MIN }),
      ],
      now,
      30 * MIN,
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'below', severity: 'warning', at: now - 2 * MIN });
    expect(events[0]?.alerts.map((a) => a.region)).toEqual(['418', '417', '419']);
  });

  it('puts the newest change first, and tells apart the critical, the drops, the silences and the recoveries', () => {
    const events = alertEvents(
      [
        alert({ region: '417', severity: 'critical', startedAt: now - 20 * MIN }),
        alert({ region: '418', startedAt: now - 10 * MIN, endedAt: now - MIN }),
        alert({ region: '419', rule: 'daily-drop', startedAt: now - 3 * MIN }),
        alert({ region: null, indicator: null, rule: 'source-silent', source: 'police', startedAt: now - 50 * MIN }),
      ],
      now,
      30 * MIN,
    );
    expect(events.map((e) => [e.kind, e.severity])).toEqual([
      ['back', 'ok'],
      ['drop', 'warning'],
      ['below', 'critical'],
      ['silent', 'warning'],
    ]);
  });

  it('leaves out what is older than the window, acknowledged, or ended without coming back on target', () => {
    const events = alertEvents(
      [
        alert({ region: '417', startedAt: now - 31 * MIN }),
        alert({ region: '418', startedAt: now - MIN, acknowledged: true }),
        alert({ region: '419', rule: 'daily-drop', startedAt: now - 3 * MIN, endedAt: now - MIN }),
        alert({ region: '420', startedAt: now - 50 * MIN, endedAt: now - 40 * MIN }),
      ],
      now,
      30 * MIN,
    );
    expect(events).toEqual([]);
  });
});
