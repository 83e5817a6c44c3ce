import { regionSet } from '../../shared/regions';

/**
 * The code of the local unit at `position` in the deployment under test (`TEST_DEPLOYMENT`): tests name units by
 * position so that they run on every shipped region set. On nghe-an-2024, position 0 is Vinh (412) and 5 Kỳ Sơn (417).
 */
export function unitAt(position: number): string {
  const unit = regionSet.districts[position];
  if (!unit) throw new Error(`the region set has no unit at position ${position}`);
  return unit.code;
}
