import { readFileSync } from 'node:fs';
import { DEFAULT_KIOSK_CONFIG, type KioskConfig, KioskConfigSchema } from '../shared/kiosk';

/**
 * Reads the kiosk file (`KIOSK_CONFIG`): named playlists and the screens' defaults. Without a file, the defaults.
 * Returns the problems instead, each naming the variable and the field, so the server refuses to start on them.
 */
export function readKioskConfig(file: string | undefined): { config: KioskConfig } | { problems: string[] } {
  if (file === undefined) return { config: DEFAULT_KIOSK_CONFIG };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { problems: [`KIOSK_CONFIG: cannot read ${file} as JSON (${(error as Error).message})`] };
  }
  const parsed = KioskConfigSchema.safeParse(raw);
  if (parsed.success) return { config: parsed.data };
  return {
    problems: parsed.error.issues.map((i) => `KIOSK_CONFIG: ${file}: ${i.path.join('.') || '(file)'}: ${i.message}`),
  };
}
