import { describe, expect, it } from 'vitest';
import { operatorMessages } from '../i18n/messages/operator';
import { connectorMessages } from './connectorMessages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the connectors panel's messages", () => {
  it('has every key in both languages, with the same placeholders, none empty, none shared with the console', () => {
    const { vi, en } = connectorMessages;
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(vi[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
    }
    const console = new Set(Object.keys(operatorMessages.vi));
    expect(Object.keys(vi).filter((k) => console.has(k))).toEqual([]);
  });
});
