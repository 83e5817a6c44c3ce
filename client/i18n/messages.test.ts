import { describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../shared/deployment';
import { en, featureKeys, type MessageKey, vi } from './messages';
import { operatorMessages } from './messages/operator';

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

describe("the shipped deployments' labels", () => {
  const manifests = import.meta.glob('../../deployments/*/deployment.json', { eager: true, import: 'default' });

  it('replace messages the screens have, with no placeholder the message does not fill', () => {
    expect(Object.keys(manifests).length).toBeGreaterThan(0);
    for (const [file, raw] of Object.entries(manifests)) {
      const manifest = ManifestSchema.parse(raw);
      for (const lang of ['vi', 'en'] as const) {
        for (const [key, text] of Object.entries(manifest.labels[lang])) {
          const where = `${file} ${lang} ${key}`;
          const own = (vi as Record<string, string>)[key] ?? (operatorMessages.vi as Record<string, string>)[key];
          expect(own, where).toBeDefined();
          for (const name of placeholders(text)) expect(placeholders(own ?? ''), where).toContain(name);
        }
      }
    }
  });
});
