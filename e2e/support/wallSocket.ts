import type { Page, WebSocketRoute } from '@playwright/test';
import { type Delta, WALL_NAMESPACE } from '../../shared/protocol';

export interface WallSocketTap {
  /** Delivers a delta to the page as if the server had sent it. */
  sendDelta(delta: Delta): void;
}

/**
 * Passes the page's socket through to the real server, unchanged, and lets a test slip in packets of its own in
 * socket.io's wire format: a way to show the page what only another part of the server (an alert engine, a
 * stale source) would send, with no test code in the product.
 */
export async function tapWallSocket(page: Page): Promise<WallSocketTap> {
  let route: WebSocketRoute | null = null;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    ws.connectToServer();
    route = ws;
  });
  return {
    sendDelta(delta) {
      if (!route) throw new Error('the page has not opened its wall socket yet');
      // Engine.IO message (4), socket.io event (2), namespace, then the event name and payload.
      route.send(`42${WALL_NAMESPACE},${JSON.stringify(['delta', delta])}`);
    },
  };
}
