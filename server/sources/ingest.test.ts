import { describe, expect, it } from 'vitest';
import type { ObservationInput } from '../../shared/ingest';
import type { Reading } from '../../shared/protocol';
import { regionSet } from '../../shared/regions';
import { makeLocalCalendar } from '../../shared/time';
import { LiveState } from '../state/liveState';
import { openMemoryStore } from '../store/sqlite/store';
import { unitAt } from '../test/units';
import { Ingest, type IngestDeps } from './ingest';

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
    store: openMemoryStore().batches,
    onApplied: (seq, changes) => applied.push({ seq, changes }),
  });
  return { state, ingest, applied, setNow: (t: number) => (now = t), now: () => now };
}

/** An ingest on `state` whose store fails every commit, as a full or failing disk would. */
const failingIngest = (state: LiveState, onApplied: IngestDeps['onApplied'] = () => {}) =>
  new Ingest({
    state,
    regions: regionSet,
    clock: { now: () => local(19, 10) },
    store: {
      load: async () => ({ epoch: 'e', seq: 0, readings: [] }),
      commit: async () => {
        throw new Error('disk I/O error');
      },
      findIdempotent: async () => undefined,
    },
    onApplied,
  });

const online = (o: Partial<ObservationInput>): ObservationInput => ({
  region: unitAt(5),
  indicator: 'records-today-online',
  at: local(19, 10),
  ...o,
});

describe('Ingest.submit', () => {
  it('applies a valid batch as one step and hands its changes on', async () => {
    const { ingest, state, applied } = setup();
    const result = await ingest.submit('dvc', [online({ delta: 2 }), online({ region: unitAt(0), delta: 3 })]);
    expect(result).toEqual({ ok: true, accepted: 2, seq: 1, replayed: false });
    expect(state.get('province', 'records-today-online')?.value).toBe(5);
    expect(applied).toHaveLength(1);
    expect(applied[0]?.seq).toBe(1);
    expect(applied[0]?.changes.map((c) => c.region).sort()).toEqual([unitAt(0), unitAt(5), 'localities', 'province']);
  });

  it('refuses a whole batch with one bad observation, changing nothing', async () => {
    const { ingest, state, applied } = setup();
    const result = await ingest.submit('dvc', [online({ delta: 2 }), online({ region: 'nowhere', delta: 1 })]);
    expect(result).toEqual({
      ok: false,
      reason: 'invalid',
      issues: [expect.objectContaining({ path: ['observations', 1, 'region'] })],
    });
    expect(state.seq).toBe(0);
    expect(state.readings()).toEqual([]);
    expect(applied).toEqual([]);
  });

  it('refuses an increment that would take the live count below zero', async () => {
    const { ingest, state } = setup();
    await ingest.submit('dvc', [online({ value: 3 })]);
    expect((await ingest.submit('dvc', [online({ delta: -4 })])).ok).toBe(false);
    expect((await ingest.submit('dvc', [online({ delta: -3 })])).ok).toBe(true);
    expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(0);
  });

  it('judges a negative increment of a daily count on a new day against zero, not against yesterday', async () => {
    const { ingest, state, setNow } = setup(local(19, 23));
    await ingest.submit('dvc', [online({ value: 10, at: local(19, 23) })]);
    setNow(local(20, 0, 1));
    // Today's count starts from 0, so -4 would show -4 records today.
    const result = await ingest.submit('dvc', [online({ delta: -4, at: local(20, 0, 1) })]);
    expect(result).toMatchObject({ ok: false, issues: [{ path: ['observations', 0, 'delta'] }] });
    expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(10);
    expect((await ingest.submit('dvc', [online({ delta: 4, at: local(20, 0, 1) })])).ok).toBe(true);
    expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(4);
  });

  it('refuses a time more than five minutes ahead of its clock by default', async () => {
    const { ingest, now } = setup();
    expect((await ingest.submit('dvc', [online({ value: 1, at: now() + 5 * 60_000 })])).ok).toBe(true);
    expect((await ingest.submit('dvc', [online({ value: 1, at: now() + 5 * 60_000 + 1 })])).ok).toBe(false);
  });

  it('applies nothing, in memory or storage, when the commit fails', async () => {
    const { ingest, state, applied } = setup();
    await ingest.submit('dvc', [online({ delta: 2 })]);
    const failing = failingIngest(state, (seq, changes) => applied.push({ seq, changes }));
    const before = state.readings();
    expect(await failing.submit('dvc', [online({ delta: 5 })])).toMatchObject({ ok: false, reason: 'storage' });
    expect(state.seq).toBe(1);
    expect(state.readings()).toEqual(before);
    expect(applied).toHaveLength(1);
  });

  it('applies several batches as one submission, each with its own seq, validated in order', async () => {
    const { ingest, state, applied } = setup();
    const groups = [
      { inputs: [online({ value: 3, at: local(19, 9) })], path: ['rows', 0] },
      { inputs: [online({ delta: -3, at: local(19, 10) })], path: ['rows', 1] },
    ];
    expect(await ingest.submitBatches('csv', groups)).toEqual({ ok: true, accepted: 2, seq: 2, replayed: false });
    expect(applied.map((a) => a.seq)).toEqual([1, 2]);
    expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(0);
    // The second group is judged against the first: -4 after 3 would go below zero, and nothing is applied.
    const other = setup();
    const refused = await other.ingest.submitBatches('csv', [
      { inputs: [online({ value: 3, at: local(19, 9) })], path: ['rows', 0] },
      { inputs: [online({ delta: -4, at: local(19, 10) })], path: ['rows', 1] },
    ]);
    expect(refused).toMatchObject({ ok: false, reason: 'invalid', issues: [{ path: ['rows', 1, 0, 'delta'] }] });
    expect(other.state.seq).toBe(0);
    expect(other.state.readings()).toEqual([]);
  });
});

describe('Ingest.submitEach and submitSoon (group commit)', () => {
  const one = (source: string, inputs: ObservationInput[], key?: { key: string; hash: string }) => ({
    source,
    groups: [{ inputs, path: ['observations'] }],
    ...(key && { options: { idempotency: key } }),
  });

  it('stores several requests in one commit, each checked and answered on its own', async () => {
    const { ingest, state, applied } = setup();
    const results = await ingest.submitEach([
      one('dvc', [online({ value: 3 })]),
      // Judged against the first: 3 - 4 would go below zero. Refused alone; the others go on.
      one('dvc', [online({ delta: -4 })]),
      one('dvc', [online({ delta: -1 })]),
    ]);
    expect(results).toEqual([
      { ok: true, accepted: 1, seq: 1, replayed: false },
      expect.objectContaining({ ok: false, reason: 'invalid' }),
      { ok: true, accepted: 1, seq: 2, replayed: false },
    ]);
    expect(state.seq).toBe(2);
    expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(2);
    expect(applied.map((a) => a.seq)).toEqual([1, 2]);
  });

  it('answers a key repeated within one commit as its first request, and refuses it with another body', async () => {
    const { ingest, state } = setup();
    const results = await ingest.submitEach([
      one('dvc', [online({ delta: 2 })], { key: 'k1', hash: 'a' }),
      one('dvc', [online({ delta: 2 })], { key: 'k1', hash: 'a' }),
      one('dvc', [online({ delta: 9 })], { key: 'k1', hash: 'b' }),
    ]);
    expect(results).toEqual([
      { ok: true, accepted: 1, seq: 1, replayed: false },
      { ok: true, accepted: 1, seq: 1, replayed: true },
      expect.objectContaining({ ok: false, reason: 'conflict' }),
    ]);
    expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(2);
    expect(await ingest.submit('dvc', [online({ delta: 2 })], { idempotency: { key: 'k1', hash: 'a' } })).toEqual({
      ok: true,
      accepted: 1,
      seq: 1,
      replayed: true,
    });
  });

  it('gives every request of a failed commit the storage answer, and applies none', async () => {
    const { state } = setup();
    const failing = failingIngest(state);
    const results = await failing.submitEach([one('dvc', [online({ delta: 1 })]), one('dvc', [online({ delta: 2 })])]);
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['storage', 'storage']);
    expect(state.seq).toBe(0);
  });

  it('commits the requests of one turn of the event loop together', async () => {
    const store = openMemoryStore();
    const commits: number[] = [];
    const state = new LiveState({ regions: regionSet, calendar, epoch: 'e' });
    const ingest = new Ingest({
      state,
      regions: regionSet,
      clock: { now: () => local(19, 10) },
      store: {
        load: () => store.batches.load(),
        commit: (batches, meta) => {
          commits.push(batches.length);
          return store.batches.commit(batches, meta);
        },
        findIdempotent: (s, k) => store.batches.findIdempotent(s, k),
      },
      onApplied: () => {},
    });
    const answers = await Promise.all([
      ingest.submitSoon('dvc', [online({ delta: 1 })]),
      ingest.submitSoon('dvc', [online({ region: 'nowhere', delta: 1 })]),
      ingest.submitSoon('dvc', [online({ delta: 2 })]),
    ]);
    expect(answers.map((a) => a.ok)).toEqual([true, false, true]);
    expect(commits).toEqual([2]);
    await ingest.submitSoon('dvc', [online({ delta: 3 })]);
    expect(commits).toEqual([2, 1]);
    expect(state.get(unitAt(5), 'records-today-online')?.value).toBe(6);
  });
});
