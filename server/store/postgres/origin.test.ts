import { describe, expect, it } from 'vitest';
import { type Origin, originChange, originText, withStoredParts } from './origin';

const written: Origin = { system: '7715063952411412609', timeline: 1, table: 16_601 };

describe('where the wall state was written', () => {
  it('is the same origin when nothing differs, or when a part could not be read on one side', () => {
    expect(originChange(originText(written), written)).toEqual([]);
    expect(originChange(originText(written), { ...written, system: null, timeline: null })).toEqual([]);
    expect(originChange(originText({ ...written, system: null }), written)).toEqual([]);
  });

  it('names each part that differs', () => {
    expect(originChange(originText(written), { system: '1', timeline: 2, table: 17_000 })).toEqual([
      'another PostgreSQL cluster (system identifier 7715063952411412609 -> 1)',
      'another timeline (1 -> 2)',
      'a restored wall_state table (oid 16601 -> 17000)',
    ]);
    expect(originChange('not json', written)).toEqual(['the stored origin is unreadable']);
  });

  it('keeps the stored parts this role cannot read now', () => {
    expect(withStoredParts({ system: null, timeline: null, table: 16_601 }, originText(written))).toEqual(written);
  });
});
