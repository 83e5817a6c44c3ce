import { describe, expect, it } from 'vitest';
import { useHarness } from '../test/support';
import { unitAt } from '../test/units';

const start = useHarness();

/** What docs/protocol.md says of a batch that names a figure twice, and of a rate of nothing over nothing. */
describe('a batch, as the protocol describes it', () => {
  it('applies observations of the same (region, indicator) in order: increments add up, the latest value wins', async () => {
    const wall = await start();
    const at = Date.now();
    const result = await wall.app.ingest.submit('dvc', [
      { region: unitAt(5), indicator: 'records-today-online', at, delta: 2 },
      { region: unitAt(5), indicator: 'records-today-online', at, delta: 3 },
      { region: unitAt(5), indicator: 'id-cards-issued', at, value: 5 },
      { region: unitAt(5), indicator: 'id-cards-issued', at, value: 7 },
      { region: unitAt(0), indicator: 'id-cards-issued', at, value: 9 },
      { region: unitAt(0), indicator: 'id-cards-issued', at: at - 60_000, value: 4 },
    ]);
    expect(result).toMatchObject({ ok: true, accepted: 6 });
    const value = (region: string, indicator: 'records-today-online' | 'id-cards-issued') =>
      wall.app.state.get(region, indicator)?.value;
    expect(value(unitAt(5), 'records-today-online')).toBe(5);
    // Equal times: the later in the batch wins. An older time never replaces a newer one.
    expect(value(unitAt(5), 'id-cards-issued')).toBe(7);
    expect(value(unitAt(0), 'id-cards-issued')).toBe(9);
  });

  it('takes num: 0, den: 0 as no rate yet: no value, and nothing added to the roll-ups', async () => {
    const wall = await start();
    const at = Date.now();
    const rate = (region: string) => wall.app.state.get(region, 'online-record-rate');
    expect(
      (
        await wall.app.ingest.submit('dvc', [
          { region: unitAt(0), indicator: 'online-record-rate', at, num: 30, den: 60 },
        ])
      ).ok,
    ).toBe(true);
    const before = rate('province');
    expect(
      (
        await wall.app.ingest.submit('dvc', [
          { region: unitAt(5), indicator: 'online-record-rate', at, num: 0, den: 0 },
        ])
      ).ok,
    ).toBe(true);
    expect(rate(unitAt(5))).toMatchObject({ value: null, num: 0, den: 0 });
    expect(rate('province')).toMatchObject({ value: before?.value, num: before?.num, den: before?.den });
  });
});
