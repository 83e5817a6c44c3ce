import { describe, expect, it } from 'vitest';
import { indicatorOf } from '../../shared/catalog';
import { regionSet } from '../../shared/regions';
import { rollupMembers } from './batchDraft';

describe('rollupMembers', () => {
  it('lists the units an indicator applies to, keyed by reading, with weight 1 for sums', () => {
    expect(indicatorOf('id-cards-issued').appliesTo).toEqual(['district']);
    const members = rollupMembers(regionSet, 'province', 'id-cards-issued');
    expect(members.map((m) => m.key)).toEqual(regionSet.districts.map((d) => `${d.code}|id-cards-issued`));
    expect(members.every((m) => m.weight === 1)).toBe(true);
  });

  it('leaves a roll-up empty when the indicator applies to none of its units', () => {
    expect(rollupMembers(regionSet, 'departments', 'id-cards-issued')).toEqual([]);
  });

  it('counts departments in the province for an indicator of every unit', () => {
    const id = 'online-record-rate';
    expect(indicatorOf(id).appliesTo).toContain('department');
    expect(rollupMembers(regionSet, 'province', id)).toHaveLength(regionSet.units.length);
    expect(rollupMembers(regionSet, 'departments', id).map((m) => m.key)).toEqual(
      regionSet.departments.map((d) => `${d.code}|${id}`),
    );
  });

  it('works a list out once and hands the same one back', () => {
    expect(rollupMembers(regionSet, 'localities', 'service-index')).toBe(
      rollupMembers(regionSet, 'localities', 'service-index'),
    );
  });
});
