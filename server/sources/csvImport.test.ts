import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { regionSet } from '../../shared/regions';
import { makeLocalCalendar } from '../../shared/time';
import { LiveState } from '../state/liveState';
import { openMemoryStore } from '../store/sqlite/store';
import { batchesByTime, importRows, parseObservationsCsv } from './csvImport';
import { Ingest } from './ingest';

const calendar = makeLocalCalendar('Asia/Ho_Chi_Minh');
const NOW = Date.UTC(2024, 0, 20, 3);

async function setup() {
  const store = openMemoryStore();
  const state = new LiveState({ regions: regionSet, calendar, ...(await store.batches.load()) });
  const ingest = new Ingest({
    state,
    regions: regionSet,
    clock: { now: () => NOW },
    store: store.batches,
    onApplied: () => undefined,
  });
  const count = () => (store.db.prepare('SELECT count(*) AS n FROM observations').get() as { n: number }).n;
  return { state, ingest, count };
}

const HEADER = 'region,indicator,at,value,num,den,delta';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n');

describe('parseObservationsCsv', () => {
  it('reads each observation form, times as ISO or milliseconds, skipping comments and blank lines', async () => {
    const { rows, issues } = parseObservationsCsv(
      `# a comment\n${csv(
        '412,id-cards-issued,2024-01-19T17:00:00+07:00,100,,,',
        '',
        '417,online-record-rate,1705658400000,,3,4,',
        '417,records-today-online,1705658400000,,,,2',
      )}`,
    );
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      { line: 3, input: { region: '412', indicator: 'id-cards-issued', at: Date.UTC(2024, 0, 19, 10), value: 100 } },
      { line: 5, input: { region: '417', indicator: 'online-record-rate', at: 1705658400000, num: 3, den: 4 } },
      { line: 6, input: { region: '417', indicator: 'records-today-online', at: 1705658400000, delta: 2 } },
    ]);
  });

  it('names the line and column of every bad cell', async () => {
    const { rows, issues } = parseObservationsCsv(
      csv(
        '412,id-cards-issued,yesterday,1,,,',
        '412,id-cards-issued,1705658400000,1,,,2',
        '412,x,1705658400000,,,,12a',
      ),
    );
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      { line: 2, column: 'at', reason: expect.stringContaining('ISO') },
      { line: 3, column: 'value', reason: expect.stringContaining('exactly one') },
      { line: 4, column: 'delta', reason: 'not a number: 12a' },
    ]);
  });

  it('refuses an unknown or missing column, and a broken file, on the line where it is', async () => {
    expect(parseObservationsCsv('region,indicator,when,value\n').issues).toEqual([
      { line: 1, column: 'when', reason: expect.stringContaining('unknown column') },
      { line: 1, column: 'at', reason: 'required column is missing' },
    ]);
    expect(parseObservationsCsv(csv('412,"id-cards-issued,1,1')).issues).toEqual([
      { line: expect.any(Number), column: '', reason: expect.stringContaining('Quote') },
    ]);
  });
});

describe('importRows', () => {
  it('writes nothing when any row is invalid, and reports every issue at once', async () => {
    const { ingest, state, count } = await setup();
    const report = await importRows(
      ingest,
      'csv',
      parseObservationsCsv(
        csv(
          '412,id-cards-issued,1705658400000,100,,,',
          '499,id-cards-issued,1705658400000,100,,,',
          '412,online-record-rate,1705658400000,,5,4,',
          '413,eid-activated,1705662000000,,,,-3',
        ),
      ),
      { dryRun: false, skipInvalid: false },
    );
    expect(report).toMatchObject({ written: false, rowsRead: 4, refusal: 'some rows are invalid' });
    expect(report.issues.map((i) => [i.line, i.column])).toEqual([
      [3, 'region'],
      [4, 'num'],
      [5, 'delta'],
    ]);
    expect(state.seq).toBe(0);
    expect(count()).toBe(0);
  });

  it('with skipInvalid, leaves out invalid rows and the increments that depended on them', async () => {
    const { ingest, state } = await setup();
    const report = await importRows(
      ingest,
      'csv',
      parseObservationsCsv(
        csv(
          '413,eid-activated,1705658400000,5,,,',
          '412,eid-activated,1705658400000,-1,,,',
          '412,eid-activated,1705662000000,,,,-1',
          '413,eid-activated,1705662000000,,,,-2',
        ),
      ),
      { dryRun: false, skipInvalid: true },
    );
    expect(report).toMatchObject({ written: true, observations: 2, skipped: 2, batches: 2, seq: 2 });
    expect(report.issues.map((i) => i.line)).toEqual([3, 4]);
    expect(state.get('413', 'eid-activated')?.value).toBe(3);
  });

  it('writes one batch per time, oldest first, so history keeps a point per time; a dry run writes nothing', async () => {
    const { ingest, state, count } = await setup();
    const file = readFileSync(path.resolve(import.meta.dirname, '../../docs/examples/observations.csv'), 'utf8');
    const parsed = parseObservationsCsv(file);
    expect(batchesByTime(parsed.rows).batches.map((b) => b.inputs.length)).toEqual([5, 5]);
    expect(await importRows(ingest, 'csv', parsed, { dryRun: true, skipInvalid: false })).toMatchObject({
      written: false,
      refusal: 'dry run',
      observations: 10,
    });
    expect(count()).toBe(0);
    expect(await importRows(ingest, 'csv', parsed, { dryRun: false, skipInvalid: false })).toMatchObject({
      written: true,
      seq: 2,
    });
    expect(count()).toBe(10);
    expect(state.get('province', 'id-cards-issued')?.value).toBe(295402 + 50288);
  });
});
