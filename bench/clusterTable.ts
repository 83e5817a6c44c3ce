import type { Compared } from './lib/compare';
import { type FailoverResult, p50p99, type ScaleResult } from './scenarios/cluster';

/** Screens to project to: a provincial operations center and its district offices, with room to spare. */
export const PROJECTED_SCREENS = 5000;
/** The share of a core a server is planned to use at most, leaving room for bursts and a failover's reconnects. */
const PLANNED_CORES = 0.7;

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * (i) as rows: three servers in the IOC Wall column, one server in the floor column (so the ratio is three over
 * one), then the fan-out model and the failover times. The fan-out cost per delta per screen is what the screens
 * add to each server: its CPU with its screens minus its CPU in the same run without any (`idle`), over the deltas
 * and screens; what is left per delta without screens is the server's own cost (ingest and commit on the writer;
 * reading and applying the log on a follower), plus its timers and the balancer's health checks.
 */
export function compareCluster(
  title: string,
  one: ScaleResult,
  three: ScaleResult,
  idle: ScaleResult,
  failover: FailoverResult,
) {
  const single = one.servers[0] as ScaleResult['servers'][number];
  const writerAt = Math.max(
    0,
    three.servers.findIndex((s) => s.role === 'writer'),
  );
  const writer = three.servers[writerAt] as typeof single;
  const followers = three.servers.filter((_, i) => i !== writerAt);
  const idleCores = (i: number) => idle.servers[i]?.cores ?? 0;
  const deltas = three.deltasPerSecond;
  const fanoutUs =
    (sum(three.servers.map((s, i) => s.cores - idleCores(i))) / (deltas * sum(three.servers.map((s) => s.screens)))) *
    1e6;
  const ownUs = (cores: number) => (cores / deltas) * 1e6;
  const writerOwnUs = ownUs(idleCores(writerAt));
  const followerOwnUs =
    sum(three.servers.flatMap((_, i) => (i === writerAt ? [] : [ownUs(idleCores(i))]))) / Math.max(1, followers.length);
  const budgetUs = (PLANNED_CORES / deltas) * 1e6;
  const screensPerFollower = (budgetUs - followerOwnUs) / fanoutUs;
  const screensAlone = (budgetUs - writerOwnUs) / fanoutUs;
  const row = (metric: string, unit: string, wall: number | string, floor?: number | string): Compared => ({
    scenario: title,
    metric,
    unit,
    wall,
    ...(floor !== undefined && { floor }),
    ...(typeof wall === 'number' && typeof floor === 'number' && floor !== 0 && { ratio: wall / floor }),
  });
  const held = (r: ScaleResult) => r.servers.map((s) => `${s.role} ${s.screens}`).join(', ');
  const screen = p50p99(failover.screenMs);
  const handover = p50p99(failover.handoverMs);
  return [
    row('screens held by each server', 'count; IOC Wall = 3 servers, floor = 1', held(three), held(one)),
    row('deltas per screen', 'per second', three.deltasPerSecond, one.deltasPerSecond),
    row('server CPU, all servers', '% of a core', sum(three.servers.map((s) => s.cores)) * 100, single.cores * 100),
    row(
      'server CPU, busiest server',
      '% of a core',
      Math.max(...three.servers.map((s) => s.cores)) * 100,
      single.cores * 100,
    ),
    row('CPU per delta per screen, writer', 'µs', writer.usPerDeltaPerScreen, single.usPerDeltaPerScreen),
    row(
      'CPU per delta per screen, followers',
      'µs',
      sum(followers.map((f) => f.usPerDeltaPerScreen)) / Math.max(1, followers.length),
      single.usPerDeltaPerScreen,
    ),
    row('lag p99 of the worst screen', 'ms', three.lagP99, one.lagP99),
    row('screens that heard nothing', 'count', three.silent, one.silent),
    row('fan-out cost per delta per screen', 'µs, all servers', fanoutUs),
    row("the writer's own cost per delta (ingest, commit)", 'µs, no screens', writerOwnUs),
    row("a follower's own cost per delta (log read, apply)", 'µs, no screens', followerOwnUs),
    row(
      `screens at ${PLANNED_CORES * 100} % of a core`,
      'count, projected; IOC Wall = a follower, floor = one server alone',
      Math.floor(screensPerFollower),
      Math.floor(screensAlone),
    ),
    row(
      `servers for ${PROJECTED_SCREENS.toLocaleString('en-US')} screens at this rate`,
      'count, projected: the writer and followers holding the screens',
      1 + Math.ceil(PROJECTED_SCREENS / screensPerFollower),
    ),
    row('failover seen by a screen, p50', `ms, link down → live, ${failover.screenMs.length} samples`, screen.p50),
    row('failover seen by a screen, p99', 'ms', screen.p99),
    row('writer handover, p50', `ms, kill → new writer, ${failover.handoverMs.length} kills`, handover.p50),
    row('writer handover, p99', 'ms', handover.p99),
  ];
}
