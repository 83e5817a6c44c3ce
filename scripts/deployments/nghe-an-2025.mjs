// Writes deployments/nghe-an-2025/regions.json and drawing.json from the folder's copy of the 2025 commune list
// (source-communes-2025.json, MIT) and the 2024 district boundaries (for where each former district lies).
// Run again after changing the source: node scripts/deployments/nghe-an-2025.mjs && npx biome format --write deployments
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { blockSize, placeBlocks, slugOf } from './tiles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../deployments');
const read = (file) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const write = (file, value) => writeFileSync(path.join(root, file), `${JSON.stringify(value, null, 1)}\n`);

const source = read('nghe-an-2025/source-communes-2025.json');
const districts2024 = read('nghe-an-2024/regions.json');
const geo = read('nghe-an-2024/boundaries.geojson');

const prefix = { ward: 'Phường ', commune: 'Xã ' };
const units = source.units.map((u) => {
  const name = u.name.startsWith(prefix[u.kind]) ? u.name.slice(prefix[u.kind].length) : u.name;
  return {
    code: u.code,
    name,
    fullName: u.name,
    slug: slugOf(u.name),
    kind: u.kind,
    group: u.formerDistrict,
    // Merged former communes: a rough proxy for size, to spread simulated activity.
    weight: u.formerCommunes.length,
  };
});
const groupCodes = [...new Set(units.map((u) => u.group))];
const groups = groupCodes.map((code) => {
  const district = districts2024.units.find((d) => d.code === code);
  return { code, name: district.name };
});

write('nghe-an-2025/regions.json', {
  id: 'nghe-an-2025',
  provenance:
    "Nghe An's 130 commune-level units since 1 July 2025 (119 communes, 11 wards) from the dvhcvn data set (MIT, see LICENSE-MIT.txt), built from Resolution 1678/NQ-UBTVQH15 and the statistics office's codes; not an official register. Groups: the former district (of January 2024) holding most of each unit. Departments: a SAMPLE list, as in nghe-an-2024.",
  province: { code: '40', name: 'Nghệ An', fullName: 'Tỉnh Nghệ An' },
  units,
  groups,
  departments: districts2024.departments,
});

// Where each former district lies: the middle of its 2024 boundary's bounding box.
const centre = Object.fromEntries(
  geo.features.map((f) => {
    const rings = f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
    const pts = rings.flat();
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    return [f.properties.code, [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2]];
  }),
);
const sizes = Object.fromEntries(groupCodes.map((g) => [g, blockSize(units.filter((u) => u.group === g).length)]));
const blocks = placeBlocks(
  groupCodes.map((g) => ({ group: g, lon: centre[g][0], lat: centre[g][1], ...sizes[g] })),
  { latitude: 19.3, width: 21 },
);
write('nghe-an-2025/drawing.json', { kind: 'tiles', groups: blocks });

// The board and the service index's periods: the 2024 deployment's sample entries, each district's entries moved
// to the first unit of its former district, and previous-period scores drawn for every 2025 unit (sample, as before).
const seat = Object.fromEntries(groupCodes.map((g) => [g, units.find((u) => u.group === g).code]));
// Cửa Lò (413) merged into Vinh (412) on 1 December 2024.
seat['413'] = seat['412'];
const moved = (code) => seat[code] ?? code;
const board = read('nghe-an-2024/board.json');
write('nghe-an-2025/board.json', {
  ...board,
  tasks: board.tasks.map((t) => ({ ...t, lead: moved(t.lead) })),
  pilotModels: board.pilotModels.map((m) => ({ ...m, unit: moved(m.unit) })),
});
const periods = read('nghe-an-2024/service-index-periods.json');
const old = periods.previous.scores;
/** A fixed pseudo-random spread per code, so the file is the same on every run. */
const jitter = (code) => ((Number(code) * 2654435761) % 1000) / 1000 - 0.5;
const scores = Object.fromEntries([
  ...units.map((u) => [u.code, Math.round((old[u.group] ?? 75) * 10 + jitter(u.code) * 80) / 10]),
  ...districts2024.departments.units.map((d) => [d.code, old[d.code]]),
]);
write('nghe-an-2025/service-index-periods.json', { ...periods, previous: { ...periods.previous, scores } });
