import { createEffect, createSignal, on } from 'solid-js';
import { DEFAULT_KIOSK_CONFIG, type KioskConfig, KioskConfigSchema } from '../../shared/kiosk';
import type { Wall } from '../live/createWall';

/**
 * The deployment's kiosk configuration (named playlists, screen defaults), fetched again each time the server
 * starts a new epoch (a restart may bring a new file). Until it arrives, or when it cannot be read, the defaults
 * or the last good copy.
 */
export function createKioskConfig(wall: Wall): () => KioskConfig {
  const [config, setConfig] = createSignal<KioskConfig>(DEFAULT_KIOSK_CONFIG);
  createEffect(
    on(
      () => wall.state.epoch,
      (epoch) => {
        if (epoch === null) return;
        fetch('/api/v1/kiosk', { cache: 'no-store' })
          .then(async (res) => {
            if (!res.ok) throw new Error(`HTTP ${res.status}`);
            setConfig(KioskConfigSchema.parse(await res.json()));
          })
          .catch((error: unknown) => console.warn('wall: kept the last kiosk configuration', error));
      },
    ),
  );
  return config;
}
