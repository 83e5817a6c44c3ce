import type { Alert } from '../../shared/protocol';
import { unitAt } from './units';

/** A warning for Vinh's online record rate, ended at `endedAt` or still active (null): the stores' test alert. */
export const testAlert = (id: string, endedAt: number | null): Alert => ({
  id,
  rule: 'below-target',
  severity: 'warning',
  region: unitAt(0),
  indicator: 'online-record-rate',
  source: null,
  value: 1,
  threshold: 40,
  startedAt: 0,
  endedAt,
  acknowledged: false,
});
