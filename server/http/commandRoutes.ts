import type express from 'express';
import { Router } from 'express';
import { z } from 'zod';
import { AlertAckRequestSchema, type AlertAckResult, CommandRequestSchema } from '../../shared/control';
import type { Alert } from '../../shared/protocol';
import type { Access } from '../access';
import { auditCsv } from '../access/auditCsv';
import type { Alerting } from '../alerts/alerting';
import type { Commander } from '../control/commander';
import { issuesOf, sendError } from './apiErrors';
import { jsonBody } from './jsonBody';
import { actorName, requireRole } from './operatorAuth';

export interface CommandRouteDeps {
  commander: Commander;
  access: Access;
  alerts: Pick<Alerting, 'acknowledge'>;
  timeZone: string;
}

const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(10_000).default(200),
  before: z.coerce.number().int().min(1).optional(),
});

/** How many unknown alerts an error's message names; its issues name each. */
const NAMED_IN_MESSAGE = 5;

/**
 * What operators (and automation tokens) do: `POST /api/v1/commands` sends a command to screens and answers with
 * each display's outcome once every screen answered or timed out; the audit log as JSON or CSV; and acknowledging
 * alerts, one (`/alerts/:id/ack`) or several in one request (`/alerts/ack`).
 */
export function commandRoutes(deps: CommandRouteDeps): Router {
  const { commander, access } = deps;
  const router = Router();
  const operator = requireRole('operator');

  router.post('/api/v1/commands', operator, jsonBody('64kb'), async (req, res, next) => {
    try {
      const request = CommandRequestSchema.safeParse(req.body);
      if (!request.success) {
        return sendError(res, 'BAD_REQUEST', 'send { target, command }', issuesOf(request.error));
      }
      const outcome = await commander.run(actorName(res), request.data);
      if ('refusal' in outcome) {
        const { code, message, issues } = outcome.refusal;
        return sendError(res, code, message, issues);
      }
      res.set('Cache-Control', 'no-store').json(outcome.result);
    } catch (error) {
      next(error);
    }
  });

  const auditQuery = (req: express.Request, res: express.Response) => {
    const query = AuditQuerySchema.safeParse(req.query);
    if (!query.success) {
      sendError(res, 'BAD_REQUEST', 'bad audit query', issuesOf(query.error));
      return null;
    }
    return query.data;
  };

  router.get('/api/v1/audit', operator, async (req, res) => {
    const query = auditQuery(req, res);
    if (query) res.set('Cache-Control', 'no-store').json({ entries: await access.audit.list(query) });
  });

  router.get('/api/v1/audit.csv', operator, async (req, res) => {
    const query = auditQuery(req, res);
    if (!query) return;
    const entries = await access.audit.list(query);
    res
      .set('Cache-Control', 'no-store')
      .type('text/csv; charset=utf-8')
      .attachment('ioc-wall-audit.csv')
      .send(auditCsv(entries, deps.timeZone));
  });

  /** Acknowledges the alerts, each on record as its own entry; or, changing nothing, names the unknown ones. */
  const acknowledge = async (
    res: express.Response,
    ids: readonly string[],
  ): Promise<{ alerts: Alert[] } | { unknown: string[] }> => {
    const outcome = deps.alerts.acknowledge(ids);
    if (!outcome.ok) return { unknown: outcome.unknown };
    const actor = actorName(res);
    for (const alert of outcome.alerts) {
      await access.audit.record({ actor, action: 'alert.acknowledge', target: `alert:${alert.id}`, detail: {} });
    }
    return { alerts: outcome.alerts };
  };

  router.post('/api/v1/alerts/ack', operator, jsonBody('64kb'), async (req, res) => {
    const request = AlertAckRequestSchema.safeParse(req.body);
    if (!request.success) return sendError(res, 'BAD_REQUEST', 'send { ids: [...] }', issuesOf(request.error));
    const { ids } = request.data;
    const done = await acknowledge(res, ids);
    if ('unknown' in done) {
      const issues = done.unknown.map((id) => ({ path: ['ids', ids.indexOf(id)], message: `no active alert ${id}` }));
      const named = done.unknown.slice(0, NAMED_IN_MESSAGE).join(', ');
      const more = done.unknown.length > NAMED_IN_MESSAGE ? ` and ${done.unknown.length - NAMED_IN_MESSAGE} more` : '';
      const message = `no active alert ${named}${more}; nothing was acknowledged`;
      return sendError(res, 'NOT_FOUND', message, issues);
    }
    const body: AlertAckResult = { alerts: done.alerts };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/api/v1/alerts/:id/ack', operator, async (req, res) => {
    const id = req.params.id as string;
    const done = await acknowledge(res, [id]);
    if ('unknown' in done) return sendError(res, 'NOT_FOUND', `no active alert ${id}`);
    res.set('Cache-Control', 'no-store').json({ alert: done.alerts[0] });
  });

  return router;
}
