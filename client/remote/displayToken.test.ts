import { describe, expect, it } from 'vitest';
import { type TokenPlace, takeDisplayToken } from './displayToken';

function place(hash: string, stored: Record<string, string> = {}) {
  const storage = new Map(Object.entries(stored));
  const p: TokenPlace & { stripped: boolean; storage: Map<string, string> & Pick<Storage, 'getItem' | 'setItem'> } = {
    hash,
    stripped: false,
    stripHash: () => {
      p.stripped = true;
    },
    storage: Object.assign(storage, {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
    }),
  };
  return p;
}

describe('takeDisplayToken', () => {
  it('moves a token from the fragment to storage under the display’s name, and out of the address', () => {
    const p = place('#token=iocd_abc');
    expect(takeDisplayToken('hall-1', p)).toBe('iocd_abc');
    expect(p.storage.get('ioc-wall:display-token:hall-1')).toBe('iocd_abc');
    expect(p.stripped).toBe(true);
  });

  it('finds it in storage on later loads, per display', () => {
    const p = place('', { 'ioc-wall:display-token:hall-1': 'iocd_one', 'ioc-wall:display-token:hall-2': 'iocd_two' });
    expect(takeDisplayToken('hall-2', p)).toBe('iocd_two');
    expect(takeDisplayToken('lobby', p)).toBeUndefined();
    expect(p.stripped).toBe(false);
  });

  it('replaces a stored token with a new one from the fragment', () => {
    const p = place('#token=iocd_new', { 'ioc-wall:display-token:hall-1': 'iocd_old' });
    expect(takeDisplayToken('hall-1', p)).toBe('iocd_new');
    expect(p.storage.get('ioc-wall:display-token:hall-1')).toBe('iocd_new');
  });
});
