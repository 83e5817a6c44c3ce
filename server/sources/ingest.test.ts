import { describe, expect, it } from 'vitest';
import type { ObservationInput } from '../../shared/ingest';
import type { Reading } from '../../shared/protocol';
import { regionSet } from '../../shared/regions';
import { makeLocalCalendar } from '../../shared/time';
import { LiveState } from '../state/liveState';
import { openMemoryStore } from '../state/store/store';
import { Ingest } from './ingest';

const calendar = makeLocalCalendar('Asia/Ho_Chi_Minh');
/** Local times in Vinh (UTC+7), as UTC instants. */
const local = (day: number, hour: number, minute = 0) => Date.UTC(2024, 0, day, hour - 7, minute);

function setup(start = local(19, 10)) {
  let now = start;
  const state = new LiveState({ regions: regionSet, calendar, epoch: 'e' });
  const applied: { seq: number; changes: readonly Reading[] }[] = [];
  const ingest = new Ingest({
    state,
    regions: regionSet,
    clock: { now: () => now },
    store: openMemoryStore(),
    onApplied: (seq, changes) => applied.push({ seq, changes }),
  });
  return { state, ingest, applied, setNow: (t: number) => (now = t), now: () => now };
}

const online = (o: Partial<ObservationInput>): ObservationInput => ({
  region: '417',
  indicator: 'records-today-online',
  at: local(19, 10),
  ...o,
});

describe('Ingest.submit', () => {
  it('applies a valid batch as one step and hands its changes on', () => {
    const { ingest, state, applied } = setup();
    const result = ingest.submit('dvc', [online({ delta: 2 }), online({ region: '412', delta: 3 })]);
    expect(result).toEqual({ ok: true, accepted: 2, seq: 1, replayed: false });
    expect(state.get('province', 'records-today-online')?.value).toBe(5);
    expect(applied).toHaveLength(1);
    expect(applied[0]?.seq).toBe(1);
    expect(applied[0]?.changes.map((c) => c.region).sort()).toEqual(['412', '417', 'localities', 'province']);
  });

  it('refuses a whole batch with one bad observation, changing nothing', () => {
    const { ingest, state, applied } = setup();
    const result = ingest.submit('dvc', [online({ delta: 2 }), online({ region: 'nowhere', delta: 1 })]);
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      issues: [expect.objectContaining({ path: ['observations', 1, 'region'] })],
    });
    expect(state.seq).toBe(0);
    expect(state.readings()).toEqual([]);
    expect(applied).toEqual([]);
  });

  it('refuses an increment that would take the live count below zero', () => {
    const { ingest, state } = setup();
    ingest.submit('dvc', [online({ value: 3 })]);
    expect(ingest.submit('dvc', [online({ delta: -4 })]).ok).toBe(false);
    expect(ingest.submit('dvc', [online({ delta: -3 })]).ok).toBe(true);
    expect(state.get('417', 'records-today-online')?.value).toBe(0);
  });

  it('judges a negative increment of a daily count on a new day against zero, not against yesterday', () => {
    const { ingest, state, setNow } = setup(local(19, 23));
    ingest.submit('dvc', [online({ value: 10, at: local(19, 23) })]);
    setNow(local(20, 0, 1));
    // Today's count starts from 0, so -4 would show -4 records today.
    const result = ingest.submit('dvc', [online({ delta: -4, at: local(20, 0, 1) })]);
    expect(result).toMatchObject({ ok: false, issues: [{ path: ['observations', 0, 'delta'] }] });
    expect(state.get('417', 'records-today-online')?.value).toBe(10);
    expect(ingest.submit('dvc', [online({ delta: 4, at: local(20, 0, 1) })]).ok).toBe(true);
    expect(state.get('417', 'records-today-online')?.value).toBe(4);
  });

  it('refuses a time more than five minutes ahead of its clock by default', () => {
    const { ingest, now } = setup();
    expect(ingest.submit('dvc', [online({ value: 1, at: now() + 5 * 60_000 })]).ok).toBe(true);
    expect(ingest.submit('dvc', [online({ value: 1, at: now() + 5 * 60_000 + 1 })]).ok).toBe(false);
  });

  it('applies nothing, in memory or storage, when the commit fails', () => {
    const { ingest, state, applied } = setup();
    ingest.submit('dvc', [online({ delta: 2 })]);
    const store = openMemoryStore();
    const failing = new Ingest({
      state,
      regions: regionSet,
      clock: { now: () => local(19, 10) },
      store: {
        commit: () => {
          throw new Error('disk I/O error');
        },
        findIdempotent: (s, k) => store.findIdempotent(s, k),
      },
      onApplied: (seq, changes) => applied.push({ seq, changes }),
    });
    const before = state.readings();
    expect(failing.submit('dvc', [online({ delta: 5 })])).toMatchObject({ ok: false, reason: 'storage' });
    expect(state.seq).toBe(1);
    expect(state.readings()).toEqual(before);
    expect(applied).toHaveLength(1);
  });

  it('applies several batches as one submission, each with its own seq, validated in order', () => {
    const { ingest, state, applied } = setup();
    const groups = [
      { inputs: [online({ value: 3, at: local(19, 9) })], path: ['rows', 0] },
      { inputs: [online({ delta: -3, at: local(19, 10) })], path: ['rows', 1] },
    ];
    expect(ingest.submitBatches('csv', groups)).toEqual({ ok: true, accepted: 2, seq: 2, replayed: false });
    expect(applied.map((a) => a.seq)).toEqual([1, 2]);
    expect(state.get('417', 'records-today-online')?.value).toBe(0);
    // The second group is judged against the first: -4 after 3 would go below zero, and nothing is applied.
    const other = setup();
    const refused = other.ingest.submitBatches('csv', [
      { inputs: [online({ value: 3, at: local(19, 9) })], path: ['rows', 0] },
      { inputs: [online({ delta: -4, at: local(19, 10) })], path: ['rows', 1] },
    ]);
    expect(refused).toMatchObject({ ok: false, reason: 'invalid', issues: [{ path: ['rows', 1, 0, 'delta'] }] });
    expect(other.state.seq).toBe(0);
    expect(other.state.readings()).toEqual([]);
  });
});
