import { describe, expect, it } from 'vitest';
import { formatInlinePlaylist, PlaylistSchema, parseInlinePlaylist } from './playlist';

describe('parseInlinePlaylist', () => {
  it('reads paths with their own parameters and durations', () => {
    const parsed = parseInlinePlaylist('/@30;/?indicator=eid-activation-rate@20;/district/417@15');
    expect(parsed).toEqual({
      ok: true,
      playlist: {
        id: 'url',
        items: [
          { path: '/', durationSec: 30 },
          { path: '/?indicator=eid-activation-rate', durationSec: 20 },
          { path: '/district/417', durationSec: 15 },
        ],
      },
    });
  });

  it('takes the last @ as the start of the duration', () => {
    const parsed = parseInlinePlaylist('/tasks?owner=a@b@10');
    expect(parsed.ok && parsed.playlist.items[0]).toEqual({ path: '/tasks?owner=a@b', durationSec: 10 });
  });

  it('round-trips through formatInlinePlaylist', () => {
    const items = [
      { path: '/', durationSec: 30 },
      { path: '/grid?indicator=service-index&order=rank', durationSec: 45 },
    ];
    const parsed = parseInlinePlaylist(formatInlinePlaylist(items));
    expect(parsed.ok && parsed.playlist.items).toEqual(items);
  });

  it.each([
    ['/', 'item 1 (/): needs <path>@<seconds>'],
    ['/@1', 'items.0.durationSec'],
    ['/@ten', 'items.0.durationSec'],
    ['/@10;grid@10', 'items.1.path'],
    ['//evil.example@10', 'items.0.path'],
    ['/#top@10', 'items.0.path'],
  ])('refuses %s, naming the item and field', (text, problem) => {
    const parsed = parseInlinePlaylist(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(problem);
  });
});

describe('PlaylistSchema', () => {
  it('needs at least one item and an id made for URLs', () => {
    expect(PlaylistSchema.safeParse({ id: 'hall', items: [] }).success).toBe(false);
    expect(PlaylistSchema.safeParse({ id: 'hall main', items: [{ path: '/', durationSec: 10 }] }).success).toBe(false);
    expect(PlaylistSchema.safeParse({ id: 'hall-main', items: [{ path: '/', durationSec: 10 }] }).success).toBe(true);
  });
});
