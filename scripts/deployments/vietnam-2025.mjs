// Writes deployments/vietnam-2025/regions.json, drawing.json, board.json and service-index-periods.json from the
// folder's copies of the 2025 province and commune lists (MIT): the 34 provinces are the wall's units, grouped by
// socio-economic region, and the 3,321 communes, wards and special zones are their sub-units.
// Run again after changing the sources: node scripts/deployments/vietnam-2025.mjs && npx biome format --write deployments
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { slugOf } from './tiles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../deployments');
const read = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const write = (file, value) => writeFileSync(path.join(root, file), `${JSON.stringify(value, null, 1)}\n`);

/** The six socio-economic regions (with the south-central coast apart from the north-central), north to south. */
const REGIONS = [
  {
    code: 'north-mountains',
    name: 'Trung du và miền núi phía Bắc',
    provinces: ['04', '08', '11', '12', '14', '15', '19', '20', '25'],
    col: 0,
    row: 0,
  },
  { code: 'red-river', name: 'Đồng bằng sông Hồng', provinces: ['01', '22', '24', '31', '33', '37'], col: 4, row: 1 },
  { code: 'north-central', name: 'Bắc Trung Bộ', provinces: ['38', '40', '42', '44', '46'], col: 2, row: 5 },
  { code: 'south-central', name: 'Duyên hải Nam Trung Bộ', provinces: ['48', '51', '56'], col: 6, row: 8 },
  { code: 'highlands', name: 'Tây Nguyên', provinces: ['52', '66', '68'], col: 2, row: 9 },
  { code: 'south-east', name: 'Đông Nam Bộ', provinces: ['75', '79', '80'], col: 5, row: 11 },
  { code: 'mekong', name: 'Đồng bằng sông Cửu Long', provinces: ['82', '86', '91', '92', '96'], col: 1, row: 12 },
];
const regionOf = Object.fromEntries(REGIONS.flatMap((r) => r.provinces.map((p) => [p, r.code])));

const shortName = (name) => name.replace(/^(Tỉnh|Thành phố) /, '');
const provinces = read('vietnam-2025/source-provinces-2025.json').provinces;
const communes = read('vietnam-2025/source-communes-2025.json').communes;
const units = REGIONS.flatMap((r) => r.provinces).map((code) => {
  const p = provinces.find((x) => x.code === code);
  return {
    code: `P${p.code}`,
    name: shortName(p.name),
    fullName: p.name,
    slug: slugOf(shortName(p.name)),
    kind: 'province',
    group: regionOf[p.code],
    // Commune-level units: a rough proxy for size, to spread simulated activity.
    weight: p.units,
  };
});
if (units.length !== provinces.length) throw new Error('a province has no region');
const departments = read('nghe-an-2024/regions.json').departments;
write('vietnam-2025/regions.json', {
  id: 'vietnam-2025',
  provenance:
    "Vietnam's 34 provinces and 3,321 commune-level units since 1 July 2025, from the dvhcvn data set (MIT, see LICENSE-MIT.txt); not an official register. Province codes are prefixed with P so they never collide with a commune's. Regions: the socio-economic regions. Departments: a SAMPLE list, as in nghe-an-2024.",
  province: { code: 'VN', name: 'Việt Nam', fullName: 'Việt Nam' },
  units,
  groups: REGIONS.map((r) => ({ code: r.code, name: r.name })),
  subunits: communes.map((c) => ({
    code: c.code,
    name: c.name,
    kind: c.kind,
    parent: `P${c.province}`,
    weight: c.formerCommunes.length,
  })),
  departments,
});
write('vietnam-2025/drawing.json', {
  kind: 'tiles',
  groups: REGIONS.map((r) => ({ group: r.code, col: r.col, row: r.row, cols: 3 })),
});

// The board and the service index's periods: Nghe An's sample entries, the districts' entries moved to Nghe An.
const board = read('nghe-an-2024/board.json');
const codes = new Set([...units.map((u) => u.code), ...departments.units.map((d) => d.code)]);
const moved = (code) => (codes.has(code) ? code : 'P40');
write('vietnam-2025/board.json', {
  ...board,
  tasks: board.tasks.map((t) => ({ ...t, lead: moved(t.lead) })),
  pilotModels: board.pilotModels.map((m) => ({ ...m, unit: moved(m.unit) })),
});
const periods = read('nghe-an-2024/service-index-periods.json');
const jitter = (code) => ((Number(code.replace(/\D/g, '')) * 2654435761) % 1000) / 1000 - 0.5;
const scores = Object.fromEntries([
  ...units.map((u) => [u.code, Math.round(750 + jitter(u.code) * 200) / 10]),
  ...departments.units.map((d) => [d.code, periods.previous.scores[d.code]]),
]);
write('vietnam-2025/service-index-periods.json', { ...periods, previous: { ...periods.previous, scores } });
