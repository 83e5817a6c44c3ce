import { randomUUID } from 'node:crypto';
import type { ApiErrorCode, ApiIssue } from '../../shared/api';
import {
  type Command,
  type CommandAck,
  CommandAckSchema,
  type CommandOutcome,
  type CommandRequest,
  type CommandResult,
  type CommandResultKind,
  type CommandTarget,
  type Display,
  type ScreenCommand,
  worstResult,
} from '../../shared/control';
import type { RegionSet } from '../../shared/regions';
import type { Access } from '../access';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import type { ScreenHub, ScreenRef } from './screenHub';

export interface CommanderDeps {
  hub: ScreenHub;
  access: Pick<Access, 'displays' | 'audit'>;
  clock: Clock;
  regions: RegionSet;
  /** The ids of the kiosk configuration's named playlists. */
  playlistIds: () => readonly string[];
  timeoutMs: number;
  logger: Logger;
  /** Every finished command, for the consoles. */
  onDone: (result: CommandResult) => void;
}

export interface CommandRefusal {
  code: ApiErrorCode;
  message: string;
  issues?: ApiIssue[];
}

export const targetLabel = (target: CommandTarget): string =>
  'display' in target ? `display:${target.display}` : 'group' in target ? `group:${target.group}` : 'all';

/** What a screen's answer counts as. */
function resultOf(answer: unknown): { result: CommandResultKind; error?: string; ack?: CommandAck } {
  const ack = CommandAckSchema.safeParse(answer);
  if (!ack.success) return { result: 'failed', error: 'the screen answered something else than an acknowledgement' };
  return ack.data.ok
    ? { result: 'applied', ack: ack.data }
    : { result: 'failed', error: ack.data.error, ack: ack.data };
}

/**
 * Carries an operator's command to the screens: checks it against what exists (districts, playlists, displays),
 * writes it to the audit log, sends it to every screen of every target display with a bounded wait for each
 * acknowledgement, and completes the audit entry with each display's outcome.
 */
export class Commander {
  constructor(private readonly deps: CommanderDeps) {}

  async run(actor: string, request: CommandRequest): Promise<{ result: CommandResult } | { refusal: CommandRefusal }> {
    const { command, target } = request;
    const problem = this.check(command);
    if (problem) return { refusal: problem };
    const targets = await this.resolve(target);
    if ('refusal' in targets) return targets;

    const { access, clock, logger } = this.deps;
    const id = randomUUID();
    const at = clock.now();
    const auditId = await access.audit.begin(
      { actor, action: command.type, target: targetLabel(target), detail: command },
      at,
    );
    const outcomes = await Promise.all(
      targets.displays.map((d) => this.deliver(id, d, this.forScreen(command, d, at))),
    );
    const result: CommandResult = { id, at, finishedAt: clock.now(), actor, target, command, outcomes };
    await access.audit.finish(auditId, outcomes);
    logger.info(
      {
        command: { id, type: command.type, target: targetLabel(target), actor },
        outcomes: outcomes.map((o) => `${o.display}:${o.result}`),
      },
      `command ${command.type} to ${targetLabel(target)}`,
    );
    this.deps.onDone(result);
    return { result };
  }

  /** What exists only at run time: the district a view names, the playlist a command starts. */
  private check(command: Command): CommandRefusal | null {
    if (command.type === 'show' && command.view.district !== undefined) {
      const district = command.view.district;
      if (!this.deps.regions.districts.some((d) => d.code === district)) {
        return {
          code: 'UNPROCESSABLE',
          message: `no district ${district} in ${this.deps.regions.data.id}`,
          issues: [{ path: ['command', 'view', 'district'], message: `unknown district ${district}` }],
        };
      }
    }
    if (command.type === 'playlist-start' && 'id' in command.playlist) {
      const playlistId = command.playlist.id;
      if (!this.deps.playlistIds().includes(playlistId)) {
        return {
          code: 'UNPROCESSABLE',
          message: `no playlist ${playlistId} in the kiosk configuration`,
          issues: [{ path: ['command', 'playlist', 'id'], message: `unknown playlist ${playlistId}` }],
        };
      }
    }
    return null;
  }

  private async resolve(target: CommandTarget): Promise<{ displays: Display[] } | { refusal: CommandRefusal }> {
    const registry = this.deps.access.displays;
    if ('display' in target) {
      const display = await registry.get(target.display);
      if (!display) return { refusal: { code: 'NOT_FOUND', message: `no display ${target.display} is registered` } };
      if (display.revokedAt !== null) {
        return { refusal: { code: 'UNPROCESSABLE', message: `display ${display.id} has no valid token (revoked)` } };
      }
      return { displays: [display] };
    }
    const live = (await registry.list()).filter((d) => d.revokedAt === null);
    const displays = 'group' in target ? live.filter((d) => d.group === target.group) : live;
    if (displays.length === 0) {
      const what = 'group' in target ? `in group ${target.group}` : 'registered';
      return { refusal: { code: 'NOT_FOUND', message: `no display ${what}` } };
    }
    return { displays };
  }

  /** The command as one display's screens get it; an announcement is also kept for screens that connect later. */
  private forScreen(command: Command, display: Display, at: number): ScreenCommand {
    switch (command.type) {
      case 'identify':
        return { type: 'identify', display: display.id, name: display.name, until: at + command.seconds * 1000 };
      case 'announce': {
        const { text, severity, durationSec } = command;
        const announcement = { id: `${at.toString(36)}-${display.id}`, text, severity, until: at + durationSec * 1000 };
        this.deps.hub.setAnnouncement(display.id, announcement);
        return { type: 'announce', announcement };
      }
      case 'announce-clear':
        this.deps.hub.setAnnouncement(display.id, null);
        return command;
      default:
        return command;
    }
  }

  private async deliver(id: string, display: Display, command: ScreenCommand): Promise<CommandOutcome> {
    // The display's screens on every server; each is asked on its own, so that each answer counts for its screen.
    let screens: ScreenRef[];
    try {
      screens = await this.deps.hub.screensOf(display.id);
    } catch {
      // A server counted in the cluster did not say which screens it holds (it died within the last seconds).
      const error = 'not every server said which screens it holds; try again in a few seconds';
      return { display: display.id, name: display.name, screens: 0, result: 'timed-out', applied: 0, error };
    }
    const base = { display: display.id, name: display.name, screens: screens.length };
    if (screens.length === 0) return { ...base, result: 'offline', applied: 0 };
    const answers = await Promise.all(screens.map((screen) => this.ask(screen.id, { id, command })));
    const result = worstResult(answers.map((a) => a.result));
    const error = answers.find((a) => a.result === result && a.error)?.error;
    return {
      ...base,
      result,
      applied: answers.filter((a) => a.result === 'applied').length,
      ...(error && { error }),
    };
  }

  private async ask(socketId: string, envelope: { id: string; command: ScreenCommand }) {
    const timedOut = { result: 'timed-out' as const, error: `no answer within ${this.deps.timeoutMs} ms` };
    try {
      const answer = await this.deps.hub.ask(socketId, envelope, this.deps.timeoutMs);
      // No answer at all: the screen left between the listing and the command.
      if (answer === undefined) return timedOut;
      const outcome = resultOf(answer);
      if (outcome.ack?.ok && outcome.ack.status) this.deps.hub.reportById(socketId, outcome.ack.status);
      return outcome;
    } catch {
      // socket.io rejects when the timeout passes without an answer (from the screen, or from a server gone).
      return timedOut;
    }
  }
}
