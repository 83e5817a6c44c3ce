// `npm run bench:soak`: a wall screen left running at a high update rate, measured for heap and DOM growth.
// Options through the environment: SOAK_MINUTES (default 30), SIM_RATE (simulated events/s at peak, default
// 500), SOAK_WARMUP_SEC (default 180: the first minutes fill caches and compiled code), SOAK_PATH (the screen's address; a kiosk on a three-view playlist by default).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startWallServer } from '../e2e/support/server';
import { report } from './lib/report';
import { soakScenario } from './scenarios/soak';

const minutes = Number(process.env.SOAK_MINUTES ?? 30);
const simRate = process.env.SIM_RATE ?? '500';
const warmupSec = Number(process.env.SOAK_WARMUP_SEC ?? 180);
/** Three views of 20 s: each minute the screen has drawn all of them and is back on the first. */
const CYCLE_SEC = 60;
const PLAYLIST = '/@20;/?indicator=eid-activation-rate@20;/?indicator=service-index@20';

async function main() {
  // The simulated province has standing critical alerts from the start; they would hold the playlist for its first
  // minutes, and the soak is meant to change views all along.
  const dir = mkdtempSync(path.join(tmpdir(), 'ioc-wall-soak-'));
  const kioskConfig = path.join(dir, 'kiosk.json');
  writeFileSync(kioskConfig, JSON.stringify({ screen: { alertHoldMin: 0 } }));
  const server = await startWallServer({ env: { LOG_LEVEL: 'warn', SIM_RATE: simRate, KIOSK_CONFIG: kioskConfig } });
  try {
    const { rows } = await soakScenario({
      url: server.url,
      minutes,
      warmupSec,
      cycleSec: CYCLE_SEC,
      path: process.env.SOAK_PATH ?? `/?kiosk=1&display=soak&playlist=${encodeURIComponent(PLAYLIST)}`,
      log: (line) => console.log(line),
    });
    report(rows, { simRate, minutes, playlist: PLAYLIST });
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
