import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { indicators } from '../../shared/catalog';
import './regions';

/**
 * Writes a `TARGETS_FILE` that removes every target and band, and returns its path. A server started with it has
 * no standing shortfall (the simulated province starts with units far below target, whose critical alerts would
 * hold any playlist), so the only alerts are the ones a test sends.
 */
export function quietTargetsFile(dir: string): string {
  const file = path.join(dir, 'no-targets.json');
  writeFileSync(
    file,
    JSON.stringify(Object.fromEntries(indicators.map(({ id }) => [id, { target: null, bands: null }]))),
  );
  return file;
}
