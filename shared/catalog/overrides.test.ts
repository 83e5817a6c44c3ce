import { describe, expect, it } from 'vitest';
import { catalog } from './indicators';
import { resolveTargets, TargetOverridesSchema } from './overrides';

describe('resolveTargets', () => {
  it("is the catalogue's targets and bands without overrides", () => {
    const targets = resolveTargets();
    expect(targets['online-record-rate']).toEqual({ target: 40, bands: { critical: 30, warning: 40 } });
    expect(targets['id-cards-issued']).toEqual({ target: null, bands: null });
    expect(Object.keys(targets).sort()).toEqual(Object.keys(catalog).sort());
  });

  it('moves the warning band with a new target', () => {
    const targets = resolveTargets({ 'online-record-rate': { target: 45 } });
    expect(targets['online-record-rate']).toEqual({ target: 45, bands: { critical: 30, warning: 45 } });
    // A target below the critical band pulls it down, so the bands stay in order.
    expect(resolveTargets({ 'online-record-rate': { target: 25 } })['online-record-rate']?.bands).toEqual({
      critical: 25,
      warning: 25,
    });
  });

  it('takes bands as given, and null to remove a target or bands', () => {
    const targets = resolveTargets({
      'eid-activation-rate': { bands: { critical: 75, warning: 85 } },
      'service-index': { target: null, bands: null },
    });
    expect(targets['eid-activation-rate']).toEqual({ target: 80, bands: { critical: 75, warning: 85 } });
    expect(targets['service-index']).toEqual({ target: null, bands: null });
  });

  it('refuses bands the wrong way round, naming the indicator', () => {
    expect(() => resolveTargets({ 'online-record-rate': { bands: { critical: 50, warning: 40 } } })).toThrow(
      /online-record-rate: the critical band \(50\) must be at or below the warning band \(40\)/,
    );
  });
});

describe('TargetOverridesSchema', () => {
  it('refuses an unknown indicator or field', () => {
    expect(TargetOverridesSchema.safeParse({ 'no-such-indicator': { target: 1 } }).success).toBe(false);
    expect(TargetOverridesSchema.safeParse({ 'online-record-rate': { goal: 1 } }).success).toBe(false);
    expect(TargetOverridesSchema.safeParse({ 'online-record-rate': { target: '45' } }).success).toBe(false);
    expect(TargetOverridesSchema.safeParse({ 'online-record-rate': { target: 45 } }).success).toBe(true);
  });
});
