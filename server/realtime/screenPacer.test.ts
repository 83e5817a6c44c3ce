import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Alert, classifyDelta, type Delta, type Reading } from '../../shared/protocol';
import { testAlert } from '../test/alertFixture';
import { mergeDeltas, ScreenPacer } from './screenPacer';

const T0 = Date.UTC(2024, 0, 19, 2);
const PACE = 200;

const reading = (region: string, value: number, indicator = 'records-today-online'): Reading => ({
  region,
  indicator,
  value,
  at: T0,
  source: 'dvc',
});
const delta = (seq: number, changes: Reading[], alerts?: Alert[]): Delta => ({
  epoch: 'e',
  fromSeq: seq - 1,
  seq,
  at: T0 + seq,
  changes,
  ...(alerts && { alerts }),
});

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('mergeDeltas', () => {
  it('covers both seq ranges and keeps the later reading and alert state', () => {
    const merged = mergeDeltas(
      delta(4, [reading('417', 1), reading('418', 2)], [testAlert('a1', null)]),
      delta(5, [reading('417', 3)], [testAlert('a1', T0 + 5), testAlert('a2', null)]),
    );
    expect(merged).toMatchObject({ epoch: 'e', fromSeq: 3, seq: 5, at: T0 + 5 });
    expect(merged.changes).toEqual([reading('417', 3), reading('418', 2)]);
    expect(merged.alerts).toEqual([testAlert('a1', T0 + 5), testAlert('a2', null)]);
    // A screen at seq 3 applies the merged delta as it would the two.
    expect(classifyDelta({ epoch: 'e', seq: 3 }, merged)).toBe('apply');
  });

  it('keeps readings of other indicators of one region apart, and adds no alerts field when there are none', () => {
    const merged = mergeDeltas(delta(2, [reading('417', 1)]), delta(3, [reading('417', 9, 'eid-activation-rate')]));
    expect(merged.changes).toHaveLength(2);
    expect(merged).not.toHaveProperty('alerts');
  });

  it('starts over on a new epoch', () => {
    const next = { ...delta(1, [reading('417', 1)]), epoch: 'f' };
    expect(mergeDeltas(delta(9, [reading('418', 2)]), next)).toBe(next);
  });
});

describe('ScreenPacer', () => {
  function setup() {
    const pacer = new ScreenPacer({ now: () => Date.now() });
    const sent: Delta[] = [];
    pacer.pace('s1', PACE, (d) => sent.push(d));
    return { pacer, sent };
  }

  it('sends the first delta after a quiet spell at once', () => {
    const { pacer, sent } = setup();
    pacer.offer(delta(1, [reading('417', 1)]));
    expect(sent.map((d) => d.seq)).toEqual([1]);
  });

  it('merges the deltas that come within the pace and sends them when it ends, the latest value included', () => {
    const { pacer, sent } = setup();
    pacer.offer(delta(1, [reading('417', 1)]));
    for (let seq = 2; seq <= 10; seq++) {
      vi.advanceTimersByTime(10);
      pacer.offer(delta(seq, [reading('417', seq), reading(String(400 + seq), seq)]));
    }
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(PACE - 90 - 1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ fromSeq: 1, seq: 10 });
    expect(sent[1]?.changes.find((r) => r.region === '417')?.value).toBe(10);
    expect(sent[1]?.changes).toHaveLength(10);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('holds a screen to its pace while deltas keep coming', () => {
    const { pacer, sent } = setup();
    const sentAt: number[] = [];
    pacer.pace('s1', PACE, (d) => {
      sent.push(d);
      sentAt.push(Date.now());
    });
    for (let seq = 1; seq <= 100; seq++) {
      pacer.offer(delta(seq, [reading('417', seq)]));
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(PACE);
    expect(sent.at(-1)?.seq).toBe(100);
    const gaps = sentAt.slice(1).map((at, i) => at - (sentAt[i] ?? 0));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(PACE);
    expect(sent.length).toBeGreaterThan(3);
    // Every seq reached the screen exactly once, in order.
    for (let i = 1; i < sent.length; i++) expect(sent[i]?.fromSeq).toBe(sent[i - 1]?.seq);
  });

  it('takes a new pace at once for what is owed', () => {
    const { pacer, sent } = setup();
    pacer.offer(delta(1, []));
    pacer.offer(delta(2, []));
    pacer.pace('s1', 50, (d) => sent.push(d));
    vi.advanceTimersByTime(50);
    expect(sent.map((d) => d.seq)).toEqual([1, 2]);
  });

  it('sends what is owed when a screen goes back to the broadcast, and drops it when the screen left', () => {
    const { pacer, sent } = setup();
    pacer.offer(delta(1, []));
    pacer.offer(delta(2, []));
    pacer.release('s1', { flush: true });
    expect(sent.map((d) => d.seq)).toEqual([1, 2]);
    expect(pacer.has('s1')).toBe(false);

    pacer.pace('s2', PACE, (d) => sent.push(d));
    pacer.offer(delta(3, []));
    pacer.offer(delta(4, []));
    pacer.release('s2', { flush: false });
    vi.advanceTimersByTime(PACE);
    expect(sent.map((d) => d.seq)).toEqual([1, 2, 3]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
