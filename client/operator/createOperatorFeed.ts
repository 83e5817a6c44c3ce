import { batch, createSignal, onCleanup } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import type { CommandResult, DisplayList, DisplayState } from '../../shared/control';
import { makeOperatorFeed } from './makeOperatorFeed';

/** The console keeps this many recent command results on screen. */
export const RESULTS_KEPT = 12;

export interface OperatorFeed {
  displays: Record<string, DisplayState>;
  /** Display ids in the registry's order (group, then id). */
  order: () => string[];
  unregistered: () => DisplayList['unregistered'];
  connected: () => boolean;
  /** The most recent command results, newest first, from this console and every other. */
  results: () => CommandResult[];
  addResult(result: CommandResult): void;
}

/** The displays and recent commands as a Solid store, fed by the console's socket. */
export function createOperatorFeed(options: { onRefused: (message: string) => void }): OperatorFeed {
  const [displays, setDisplays] = createStore<Record<string, DisplayState>>({});
  const [order, setOrder] = createSignal<string[]>([]);
  const [unregistered, setUnregistered] = createSignal<DisplayList['unregistered']>([]);
  const [connected, setConnected] = createSignal(false);
  const [results, setResults] = createSignal<CommandResult[]>([]);
  const addResult = (result: CommandResult) =>
    setResults((list) => [result, ...list.filter((r) => r.id !== result.id)].slice(0, RESULTS_KEPT));

  const feed = makeOperatorFeed({
    list: (list) =>
      batch(() => {
        setDisplays(reconcile(Object.fromEntries(list.displays.map((d) => [d.id, d]))));
        setOrder(list.displays.map((d) => d.id));
        setUnregistered(list.unregistered);
      }),
    display: (display) => {
      if (!order().includes(display.id)) setOrder((ids) => [...ids, display.id]);
      setDisplays(display.id, reconcile(display));
    },
    commandDone: addResult,
    link: setConnected,
    refused: options.onRefused,
  });
  onCleanup(() => feed.close());

  return { displays, order, unregistered, connected, results, addResult };
}
