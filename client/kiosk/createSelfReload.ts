import { createEffect, on, onCleanup } from 'solid-js';
import { deployment } from '../../shared/deployment';
import type { Wall } from '../live/createWall';
import { browserHeap, createHeapWatchdog } from './heapWatchdog';
import { buildToLoad, RELOAD_RETRY_MS, readReloadNote, reloadScreen } from './reload';

/** How long the watchdog waits for the server's health before a reload: never reload into an error page. */
const HEALTH_TIMEOUT_MS = 5_000;

async function serverIsUp(): Promise<boolean> {
  try {
    return (await fetch('/healthz', { cache: 'no-store', signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) })).ok;
  } catch {
    return false;
  }
}

/**
 * The reasons a screen reloads itself, keeping its view: a deploy (the server serves another build or another
 * deployment), a server that speaks another protocol version, and a JS heap past its limit.
 */
export function createSelfReload(options: { wall: Wall; display: string | undefined; heapLimitMb: () => number }) {
  const { wall, display } = options;

  const note = readReloadNote();
  if (note && Date.now() - note.at < 60_000)
    console.info(`wall: came back from a reload (${note.kind} ${note.target})`);

  let retry: ReturnType<typeof setTimeout> | undefined;
  const checkBuild = () => {
    const target = buildToLoad(__BUILD_ID__, wall.state.buildId);
    if (!target) return;
    const detail = `${__BUILD_ID__} -> ${target}`;
    if (!reloadScreen({ kind: 'build-reload', display, detail }, target)) {
      clearTimeout(retry);
      retry = setTimeout(checkBuild, RELOAD_RETRY_MS);
    }
  };
  // Every snapshot (each connection, each new epoch) says which build the server serves.
  createEffect(on([() => wall.state.buildId, () => wall.state.epoch], checkBuild));
  onCleanup(() => clearTimeout(retry));

  // And which deployment: a server restarted with another catalogue or region set sends figures this screen cannot
  // place, so it reloads to fetch the new deployment (under the dev server too: nothing is compiled in).
  let deploymentRetry: ReturnType<typeof setTimeout> | undefined;
  const checkDeployment = () => {
    const served = wall.state.deployment;
    const running = deployment().version;
    if (served === null || served === running) return;
    const detail = `deployment ${running} -> ${served}`;
    if (!reloadScreen({ kind: 'deployment-reload', display, detail }, served)) {
      clearTimeout(deploymentRetry);
      deploymentRetry = setTimeout(checkDeployment, RELOAD_RETRY_MS);
    }
  };
  createEffect(on([() => wall.state.deployment, () => wall.state.epoch], checkDeployment));
  onCleanup(() => clearTimeout(deploymentRetry));

  createEffect(
    on(wall.refused, (refusal) => {
      if (refusal?.code !== 'PROTOCOL_MISMATCH' || __BUILD_ID__ === 'dev') return;
      reloadScreen({ kind: 'protocol-reload', display, detail: refusal.message }, `protocol ${refusal.expected}`);
    }),
  );

  let heapQuietUntil = 0;
  createHeapWatchdog({
    read: browserHeap,
    limitMb: options.heapLimitMb,
    onTrip: (usedMb, limitMb) => {
      if (Date.now() < heapQuietUntil) return;
      void serverIsUp().then((up) => {
        if (!up) return; // the next trip tries again; a reload now would land on the browser's error page
        const reloaded = reloadScreen({ kind: 'heap-reload', display, detail: `${usedMb} MB > ${limitMb} MB` }, 'heap');
        if (!reloaded) heapQuietUntil = Date.now() + RELOAD_RETRY_MS;
      });
    },
  });
}
