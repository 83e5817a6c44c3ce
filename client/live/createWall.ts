import { batch, createSignal, onCleanup } from 'solid-js';
import { createStore, produce, reconcile } from 'solid-js/store';
import type { IndicatorId, Targets } from '../../shared/catalog';
import type { CommandAck, ScreenCommandEnvelope, ScreenStatus } from '../../shared/control';
import type { Alert, Delta, HandshakeError, Reading, Snapshot } from '../../shared/protocol';
import { DEFAULT_TICKER_MIN } from './alertEvents';
import { ClockEstimate } from './clockEstimate';
import { type LinkState, makeWallClient, type WallClientOptions } from './makeWallClient';
import { PaceMeter } from './paceMeter';

export type ReadingsByRegion = Record<string, Partial<Record<IndicatorId, Reading>>>;

export interface WallState {
  /** Every reading by region, then indicator; roll-ups are regions too (`province`, `localities`, `departments`). */
  values: ReadingsByRegion;
  targets: Partial<Record<IndicatorId, Targets>>;
  /** The active alerts, and those that ended within the ticker's window (`alertTickerMin`) by id. */
  alerts: Record<string, Alert>;
  /** How long the ticker tells of a change, in minutes. */
  alertTickerMin: number;
  epoch: string | null;
  seq: number;
  buildId: string | null;
  /** The version of the deployment the server serves (absent from servers before deployments were files). */
  deployment: string | null;
  timeZone: string;
  defaultLang: 'vi' | 'en' | null;
  simulated: boolean;
}

export interface Wall {
  state: WallState;
  link: () => LinkState;
  /** When the link last changed state (client clock): how long it has been down, or up. */
  linkSince: () => number;
  /** Why the link is not live, when it is not. */
  linkReason: () => string | undefined;
  /** Set when the server refused this client for good (another protocol version): only a reload helps. */
  refused: () => HandshakeError | null;
  /** When the last snapshot or delta arrived (client clock), or null before the first. */
  lastDataAt: () => number | null;
  /** Server time minus client time, from the stamps on the snapshot and deltas: add it to Date.now(). */
  clockOffset: () => number;
  /** The server's time now, by the client's clock and the offset (not reactive: read it when you need it). */
  serverNow: () => number;
  reading: (region: string, indicator: IndicatorId) => Reading | undefined;
  retryNow: () => void;
  /** Who answers operators' commands (a registered display's screen); until set, commands are refused. */
  onCommand: (handler: CommandHandler) => void;
  /** Tells the server what the screen shows (a registered display's screen). */
  report: (status: ScreenStatus) => void;
}

export type CommandHandler = (envelope: ScreenCommandEnvelope, ack: (answer: CommandAck) => void) => void;

const groupByRegion = (values: readonly Reading[]): ReadingsByRegion => {
  const out: ReadingsByRegion = {};
  for (const r of values) {
    const region = out[r.region] ?? {};
    region[r.indicator] = r;
    out[r.region] = region;
  }
  return out;
};

/** How often ended alerts past the ticker's window are dropped (a walk over the alerts, not per delta). */
const PRUNE_EVERY_MS = 60_000;

/**
 * The reactive wall: a Solid store fed by the plain socket client. A delta is applied in one batch, so each
 * changed reading updates exactly the widgets that show it, once.
 */
export function createWall(options: Omit<WallClientOptions, 'events'> = {}): Wall {
  const [state, setState] = createStore<WallState>({
    values: {},
    targets: {},
    alerts: {},
    alertTickerMin: DEFAULT_TICKER_MIN,
    epoch: null,
    seq: 0,
    buildId: null,
    deployment: null,
    timeZone: 'Asia/Ho_Chi_Minh',
    defaultLang: null,
    simulated: false,
  });
  const [link, setLink] = createSignal<LinkState>('reconnecting');
  const [linkSince, setLinkSince] = createSignal(Date.now());
  const [refused, setRefused] = createSignal<HandshakeError | null>(null);
  const [linkReason, setLinkReason] = createSignal<string | undefined>();
  const [lastDataAt, setLastDataAt] = createSignal<number | null>(null);
  const [clockOffset, setClockOffset] = createSignal(0);
  const clock = new ClockEstimate();
  let commandHandler: CommandHandler | null = null;
  let nextPruneAt = 0;

  const onSnapshot = (s: Snapshot) =>
    batch(() => {
      setState({
        epoch: s.epoch,
        seq: s.seq,
        buildId: s.buildId,
        deployment: s.deployment ?? null,
        timeZone: s.timeZone,
        defaultLang: s.defaultLang,
        simulated: s.simulated,
        targets: s.targets,
        alertTickerMin: s.alertTickerMin ?? DEFAULT_TICKER_MIN,
      });
      setState('values', reconcile(groupByRegion(s.values)));
      setState('alerts', reconcile(Object.fromEntries(s.alerts.map((a) => [a.id, a]))));
      clock.reset();
      setClockOffset(clock.sample(s.at, Date.now()));
      setLastDataAt(Date.now());
      setRefused(null);
    });

  const applyDelta = (d: Delta) =>
    batch(() => {
      setClockOffset(clock.sample(d.at, Date.now()));
      for (const r of d.changes) {
        if (!state.values[r.region]) setState('values', r.region, {});
        setState('values', r.region, r.indicator, r);
      }
      // An ended alert stays for the ticker's window, then leaves: the store does not grow with uptime.
      const since = d.at - state.alertTickerMin * 60_000;
      const expired = d.at >= nextPruneAt;
      if (d.alerts?.length || expired) {
        setState(
          'alerts',
          produce((alerts) => {
            for (const a of d.alerts ?? []) alerts[a.id] = a;
            if (!expired) return;
            for (const a of Object.values(alerts)) if (a.endedAt !== null && a.endedAt < since) delete alerts[a.id];
          }),
        );
      }
      if (expired) nextPruneAt = d.at + PRUNE_EVERY_MS;
      setState('seq', d.seq);
      setLastDataAt(Date.now());
    });

  // A screen asks for deltas no more often than it can draw them: each delta's script is timed.
  const pace = new PaceMeter();
  const client = makeWallClient({
    ...options,
    events: {
      snapshot: onSnapshot,
      delta: (d) => {
        const start = performance.now();
        applyDelta(d);
        pace.sample(performance.now() - start);
        const intervalMs = pace.due(Date.now());
        if (intervalMs !== null) client.pace(intervalMs);
      },
      link: (next, reason) =>
        batch(() => {
          setLink(next);
          setLinkSince(Date.now());
          setLinkReason(reason);
        }),
      refused: setRefused,
      command: (envelope, ack) =>
        commandHandler ? commandHandler(envelope, ack) : ack({ ok: false, error: 'the screen is starting' }),
    },
  });
  onCleanup(() => client.close());

  return {
    state,
    link,
    linkSince,
    linkReason,
    refused,
    lastDataAt,
    clockOffset,
    serverNow: () => Date.now() + clockOffset(),
    reading: (region, indicator) => state.values[region]?.[indicator],
    retryNow: () => client.retryNow(),
    onCommand: (handler) => {
      commandHandler = handler;
    },
    report: (status) => client.report(status),
  };
}
