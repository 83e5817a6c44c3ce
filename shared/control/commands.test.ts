import { describe, expect, it } from 'vitest';
import { CommandRequestSchema, CommandSchema, worstResult } from './commands';

describe('commands', () => {
  it('accepts each command the console sends', () => {
    const commands = [
      { type: 'show', view: { view: 'district', district: '417' }, lang: 'en' },
      { type: 'playlist-start', playlist: { id: 'hall' } },
      { type: 'playlist-start', playlist: { items: [{ path: '/', durationSec: 30 }] } },
      { type: 'playlist-stop' },
      { type: 'identify' },
      { type: 'reload' },
      { type: 'announce', text: 'Họp giao ban lúc 14:00', durationSec: 600 },
      { type: 'announce-clear' },
    ];
    for (const command of commands) expect(CommandSchema.safeParse(command).success, command.type).toBe(true);
    expect(CommandSchema.parse({ type: 'identify' })).toEqual({ type: 'identify', seconds: 10 });
    expect(CommandSchema.parse({ type: 'announce', text: '  Họp  ', durationSec: 60 })).toMatchObject({
      text: 'Họp',
      severity: 'info',
    });
  });

  it('names the field that is wrong', () => {
    const bad = (value: unknown) => CommandSchema.safeParse(value).error?.issues[0]?.path.join('.');
    expect(bad({ type: 'announce', text: '', durationSec: 60 })).toBe('text');
    expect(bad({ type: 'announce', text: 'a\nb', durationSec: 60 })).toBe('text');
    expect(bad({ type: 'announce', text: 'a\u0085b', durationSec: 60 })).toBe('text');
    expect(bad({ type: 'announce', text: 'x', durationSec: 1 })).toBe('durationSec');
    expect(bad({ type: 'show', view: { view: 'district' } })).toBe('view.district');
    expect(bad({ type: 'playlist-start', playlist: { items: [{ path: 'http://evil', durationSec: 30 }] } })).toBe(
      'playlist.items.0.path',
    );
    expect(bad({ type: 'reload', force: true })).toBe('');
    expect(bad({ type: 'format-disk' })).toBe('type');
  });

  it('refuses bidirectional control characters in an announcement, which could show it reversed or spoofed', () => {
    const refusal = (text: string) =>
      CommandSchema.safeParse({ type: 'announce', text, durationSec: 60 }).error?.issues[0]?.message;
    for (const mark of ['\u202e', '\u202d', '\u202a', '\u2066', '\u2067', '\u2068', '\u2069', '\u200f', '\u061c']) {
      expect(refusal(`Họp giao ban ${mark}lúc 14 giờ`), `U+${mark.codePointAt(0)?.toString(16)}`).toBe(
        'no bidirectional control characters',
      );
    }
    expect(refusal('Họp giao ban lúc 14 giờ – phòng 2')).toBeUndefined();
  });

  it('takes one display, one group or all as a target', () => {
    const target = (t: unknown) => CommandRequestSchema.safeParse({ target: t, command: { type: 'reload' } }).success;
    expect(target({ display: 'hall-1' })).toBe(true);
    expect(target({ group: 'hall' })).toBe(true);
    expect(target({ all: true })).toBe(true);
    expect(target({ all: false })).toBe(false);
    expect(target({ display: 'Hall 1' })).toBe(false);
    expect(target({ display: 'hall-1', group: 'hall' })).toBe(false);
  });

  it("counts a display's worst answer", () => {
    expect(worstResult(['applied', 'applied'])).toBe('applied');
    expect(worstResult(['applied', 'timed-out'])).toBe('timed-out');
    expect(worstResult(['timed-out', 'failed', 'applied'])).toBe('failed');
  });
});
