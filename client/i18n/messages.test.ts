import { describe, expect, it } from 'vitest';
import { en, featureKeys, type MessageKey, vi } from './messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('gives each key to one feature only', () => {
    const all = featureKeys.flat();
    expect(all.length).toBe(new Set(all).size);
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(vi) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });
});
