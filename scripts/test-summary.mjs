// Totals the JSON reports that `npm test` leaves in test-results/ (Vitest for unit and integration, Playwright
// for end-to-end) and prints one line: "N passed, M failed". A suite that did not run counts as nothing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'test-results';
const read = (file) => {
  const p = path.join(dir, file);
  return existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : null;
};

let passed = 0;
let failed = 0;
for (const file of ['unit-report.json', 'integration-report.json']) {
  const report = read(file);
  if (!report) continue;
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
}
const e2e = read('e2e-report.json');
if (e2e) {
  passed += e2e.stats?.expected ?? 0;
  failed += (e2e.stats?.unexpected ?? 0) + (e2e.stats?.flaky ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
