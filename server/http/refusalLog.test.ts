import { describe, expect, it } from 'vitest';
import { capturedLog } from '../test/capturedLog';
import { waitUntil } from '../test/support';
import { createRefusalLog } from './refusalLog';

describe('createRefusalLog', () => {
  it('logs the first refusal of a source at once, and the rest of the interval as one count', async () => {
    const { lines, logger } = capturedLog();
    const refusals = createRefusalLog(logger, 50);
    for (let i = 0; i < 1000; i++) refusals.refused('10.0.0.9', { ip: '10.0.0.9' }, 'refused');
    refusals.refused('10.0.0.7', { ip: '10.0.0.7' }, 'refused');
    expect(lines.map((l) => l.ip)).toEqual(['10.0.0.9', '10.0.0.7']);
    await waitUntil(() => lines.length === 3, 'the count at the end of the interval');
    expect(lines[2]).toMatchObject({ ip: '10.0.0.9', refusals: 999, msg: 'refused (999 more in 0.05 s)' });
    // The next interval starts afresh: its first refusal is logged at once.
    refusals.refused('10.0.0.9', { ip: '10.0.0.9' }, 'refused');
    expect(lines).toHaveLength(4);
    refusals.close();
  });

  it('logs what is pending when a source is forgotten or the server closes', () => {
    const { lines, logger } = capturedLog();
    const refusals = createRefusalLog(logger, 60_000);
    for (let i = 0; i < 3; i++) refusals.refused('socket-a', {}, 'a');
    for (let i = 0; i < 2; i++) refusals.refused('socket-b', {}, 'b');
    refusals.forget('socket-a');
    expect(lines.map((l) => l.refusals)).toEqual([undefined, undefined, 2]);
    refusals.close();
    expect(lines.map((l) => l.refusals)).toEqual([undefined, undefined, 2, 1]);
  });
});
