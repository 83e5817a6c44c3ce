import { z } from 'zod';

/** The shortest slot a playlist item may have: shorter than this, a screen would barely finish drawing. */
export const MIN_ITEM_SEC = 2;
/** The longest slot: a day. A longer hold is not a rotation. */
export const MAX_ITEM_SEC = 24 * 60 * 60;

/**
 * A view as a path within the wall, with its own parameters: `/`, `/?indicator=eid-activation-rate`,
 * `/district/417`. Never another origin, never a fragment.
 */
export const ViewPathSchema = z
  .string()
  .max(500)
  .regex(/^\/(?!\/)[^\s#]*$/, 'a path within the wall that starts with / (for example /?indicator=online-record-rate)');

export const PlaylistItemSchema = z.object({
  path: ViewPathSchema,
  durationSec: z.number().int().min(MIN_ITEM_SEC).max(MAX_ITEM_SEC),
});

export const PlaylistIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/i, 'letters, digits, - and _ (at most 64), starting with a letter or digit');

/**
 * A rotation of views. Every screen on the same playlist shows the same item at the same moment: the position is
 * a function of the server's clock (see `playlistSlot`), not of when a screen started.
 */
export const PlaylistSchema = z.object({
  id: PlaylistIdSchema,
  name: z.string().max(120).optional(),
  items: z.array(PlaylistItemSchema).min(1).max(100),
});

export type PlaylistItem = z.infer<typeof PlaylistItemSchema>;
export type Playlist = z.infer<typeof PlaylistSchema>;

/** The id an inline playlist (written in the URL) gets. */
export const INLINE_PLAYLIST_ID = 'url';

/**
 * Reads a playlist written in a URL parameter: items separated by `;`, each `<path>@<seconds>`, for example
 * `/@30;/?indicator=eid-activation-rate@20`. The `@` of the duration is the last one of each item, so paths
 * may contain `@`; they cannot contain `;`. In a URL, write the `&` between a path's own parameters as `%26`
 * (`/grid?indicator=service-index%26order=rank@30`), or the browser ends the playlist there.
 */
export function parseInlinePlaylist(text: string): { ok: true; playlist: Playlist } | { ok: false; error: string } {
  const items: unknown[] = [];
  for (const [i, part] of text.split(';').entries()) {
    const at = part.lastIndexOf('@');
    if (at < 0) return { ok: false, error: `item ${i + 1} (${part}): needs <path>@<seconds>` };
    const seconds = part.slice(at + 1);
    items.push({ path: part.slice(0, at), durationSec: /^\d+$/.test(seconds) ? Number(seconds) : seconds });
  }
  const parsed = PlaylistSchema.safeParse({ id: INLINE_PLAYLIST_ID, items });
  if (parsed.success) return { ok: true, playlist: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.')}: ${issue?.message}` };
}

/** The inverse of `parseInlinePlaylist`, for consoles and docs that build screen URLs. */
export function formatInlinePlaylist(items: readonly PlaylistItem[]): string {
  return items.map((item) => `${item.path}@${item.durationSec}`).join(';');
}
