import { describe, expect, it } from 'vitest';
import type { DisplayState } from '../../shared/control';
import { previewAddress, selectedDisplays, targetOf } from './selection';

const display = (id: string, group: string, revoked = false): DisplayState => ({
  id,
  name: id,
  group,
  location: '',
  createdAt: 0,
  createdBy: 'root',
  revokedAt: revoked ? 1 : null,
  lastSeenAt: null,
  online: false,
  screens: [],
});

describe('selection', () => {
  const displays = [display('hall-1', 'hall'), display('hall-2', 'hall', true), display('lobby', 'lobby')];

  it('names its target as the API takes it', () => {
    expect(targetOf({ kind: 'display', id: 'hall-1' })).toEqual({ display: 'hall-1' });
    expect(targetOf({ kind: 'group', group: 'hall' })).toEqual({ group: 'hall' });
    expect(targetOf({ kind: 'all' })).toEqual({ all: true });
  });

  it('reaches the displays of its target that hold a valid token', () => {
    expect(selectedDisplays({ kind: 'group', group: 'hall' }, displays).map((d) => d.id)).toEqual(['hall-1']);
    expect(selectedDisplays({ kind: 'all' }, displays).map((d) => d.id)).toEqual(['hall-1', 'lobby']);
  });
});

describe('previewAddress', () => {
  it('copies the view and screen parameters, without the screen’s identity', () => {
    expect(previewAddress('/district/417?kiosk=1&display=hall-1&lang=en&canvas=3840x1080', false)).toBe(
      '/district/417?lang=en&canvas=3840x1080&preview=1',
    );
  });

  it('previews a playlist from the playlist, so it does not change at every item', () => {
    const a = previewAddress('/grid?indicator=service-index&display=hall-1&playlist=hall&wall=2x1&tile=1,0', true);
    const b = previewAddress('/?display=hall-1&playlist=hall&wall=2x1&tile=1,0', true);
    expect(a).toBe(b);
    expect(a).toBe('/?playlist=hall&wall=2x1&tile=1%2C0&preview=1');
  });
});
