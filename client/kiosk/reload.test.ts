import { describe, expect, it } from 'vitest';
import { buildToLoad, mayReload, RELOAD_RETRY_MS } from './reload';

describe('buildToLoad', () => {
  it('asks for the served build when it differs from the running one', () => {
    expect(buildToLoad('b1', 'b2')).toBe('b2');
    expect(buildToLoad('b1', 'b1')).toBeNull();
    expect(buildToLoad('b1', null)).toBeNull();
  });

  it('never reloads under the dev server', () => {
    expect(buildToLoad('dev', 'b2')).toBeNull();
    expect(buildToLoad('b1', 'dev')).toBeNull();
  });
});

describe('mayReload', () => {
  const NOW = 1_700_000_000_000;
  it('refuses the same reload again within the retry time, and allows any other', () => {
    const last = { kind: 'build-reload' as const, target: 'b2', at: NOW - 1_000 };
    expect(mayReload(null, 'build-reload', 'b2', NOW)).toBe(true);
    expect(mayReload(last, 'build-reload', 'b2', NOW)).toBe(false);
    expect(mayReload(last, 'build-reload', 'b3', NOW)).toBe(true);
    expect(mayReload(last, 'heap-reload', 'b2', NOW)).toBe(true);
    expect(mayReload(last, 'build-reload', 'b2', last.at + RELOAD_RETRY_MS)).toBe(true);
  });
});
