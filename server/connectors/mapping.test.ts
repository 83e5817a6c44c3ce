import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConnectorsFileSchema } from '../../shared/connectors';
import { regionSet } from '../../shared/regions';
import { makeMapper } from './mapping';

const example = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../docs/examples/${name}`, import.meta.url), 'utf8'));
const portal = example('dvc-portal-answer.json');
const httpExample = ConnectorsFileSchema.parse(example('connectors-http.json')).connectors[0];
const PULLED_AT = Date.UTC(2024, 0, 19, 2, 0);

describe('the mapping of a connector', () => {
  it("maps the portal's statistics onto online-record-rate num/den, unit names through the table", async () => {
    const mapper = makeMapper(httpExample?.mapping ?? { expression: '', units: {} }, regionSet);
    const result = await mapper.map(portal, PULLED_AT);
    expect(result).toEqual({
      ok: true,
      observations: [
        { region: '412', indicator: 'online-record-rate', at: Date.UTC(2024, 0, 19, 1, 30), num: 9702, den: 18230 },
        { region: '417', indicator: 'online-record-rate', at: Date.UTC(2024, 0, 19, 1, 30), num: 1341, den: 3350 },
        { region: '415', indicator: 'online-record-rate', at: Date.UTC(2024, 0, 19, 1, 30), num: 1022, den: 2911 },
      ],
    });
  });

  it('finds a unit name whatever its case and spacing, and takes unit codes as they are', async () => {
    const mapper = makeMapper(
      { expression: "$.{ 'region': u, 'indicator': 'id-cards-issued', 'value': v }", units: { 'Huyện Kỳ Sơn': '417' } },
      regionSet,
    );
    const result = await mapper.map(
      [
        { u: '  huyện   KỲ SƠN ', v: 1 },
        { u: 412, v: 2 },
        { u: '413', v: 3 },
      ],
      PULLED_AT,
    );
    expect(result.ok && result.observations.map((o) => o.region)).toEqual(['417', '412', '413']);
  });

  it('stamps a record without `at` with the time of the pull', async () => {
    const mapper = makeMapper(
      { expression: "{ 'region': '417', 'indicator': 'id-cards-issued', 'value': 5 }", units: {} },
      regionSet,
    );
    expect(await mapper.map({}, PULLED_AT)).toMatchObject({ ok: true, observations: [{ at: PULLED_AT }] });
  });

  it('names every wrong record and its field, and gives no observation at all', async () => {
    const mapper = makeMapper(httpExample?.mapping ?? { expression: '', units: {} }, regionSet);
    const broken = structuredClone(portal);
    broken.duLieu[1].hoSoTrucTuyen = 'nhiều';
    broken.duLieu[2].tenDonVi = 'Huyện Không Có';
    const result = await mapper.map(broken, PULLED_AT);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toMatch(/nothing was applied/);
    expect(result.issues).toEqual([
      { path: ['records', 1, 'num'], message: expect.stringMatching(/number.*unit 417/) },
      { path: ['records', 2, 'region'], message: expect.stringContaining('Huyện Không Có') },
    ]);
  });

  it('names a field an observation does not have', async () => {
    const mapper = makeMapper(
      { expression: "{ 'region': '417', 'indicator': 'id-cards-issued', 'value': 5, 'unit': 'x' }", units: {} },
      regionSet,
    );
    expect(await mapper.map({}, PULLED_AT)).toMatchObject({ ok: false, issues: [{ path: ['records', 0, 'unit'] }] });
  });

  it('reports an expression that fails at run time', async () => {
    const mapper = makeMapper({ expression: '$number("abc")', units: {} }, regionSet);
    expect(await mapper.map({}, PULLED_AT)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/mapping failed/),
    });
  });

  it('refuses at start an expression that does not compile, with its position', () => {
    expect(() => makeMapper({ expression: 'duLieu.{ "region": ', units: {} }, regionSet)).toThrow(/at character/);
  });

  it('refuses at start a units table that names a unit the region set lacks', () => {
    expect(() => makeMapper({ expression: '$', units: { 'Huyện Cũ': '999' } }, regionSet)).toThrow(
      /"Huyện Cũ" maps to 999/,
    );
  });
});
