import { describe, expect, it } from 'vitest';
import { auditCsv, csvCell, resultText } from './auditCsv';

describe('audit CSV', () => {
  it('quotes every cell and keeps formulas as text', () => {
    expect(csvCell('Họp "giao ban"')).toBe('"Họp ""giao ban"""');
    expect(csvCell('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvCell('-1')).toBe('"\'-1"');
    expect(csvCell('hall-1')).toBe('"hall-1"');
  });

  it('says each display’s outcome in words', () => {
    expect(resultText(null)).toBe('pending');
    expect(resultText('ok')).toBe('ok');
    expect(
      resultText([
        { display: 'hall-1', name: 'H1', result: 'applied', screens: 1, applied: 1 },
        { display: 'hall-2', name: 'H2', result: 'failed', error: 'no view', screens: 1, applied: 0 },
      ]),
    ).toBe('hall-1 applied; hall-2 failed (no view)');
  });

  it('writes a header and a row per entry, with UTC and local times', () => {
    const csv = auditCsv(
      [
        {
          id: 7,
          at: Date.UTC(2024, 0, 19, 1, 30),
          actor: 'lan',
          action: 'announce',
          target: 'group:hall',
          detail: { text: '=1+1' },
          result: 'ok',
        },
      ],
      'Asia/Ho_Chi_Minh',
    );
    const [header, row] = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(header).toBe('"id","at_utc","at_local","actor","action","target","detail","result"');
    expect(row).toBe(
      '"7","2024-01-19T01:30:00.000Z","2024-01-19 08:30:00","lan","announce","group:hall","{""text"":""=1+1""}","ok"',
    );
  });
});
