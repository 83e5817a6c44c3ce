import { describe, expect, it } from 'vitest';
import { vi as wallMessages } from '../i18n/messages';
import { operatorMessages } from '../i18n/messages/operator';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the console's messages", () => {
  it('has every key in both languages, with the same placeholders, none empty', () => {
    const { vi, en } = operatorMessages;
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(vi[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
  });

  it('shares no key with the wall', () => {
    const wall = new Set(Object.keys(wallMessages));
    expect(Object.keys(operatorMessages.vi).filter((k) => wall.has(k))).toEqual([]);
  });
});
