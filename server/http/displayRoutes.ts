import type express from 'express';
import { Router } from 'express';
import {
  type Display,
  DisplayInputSchema,
  DisplayPatchSchema,
  type DisplayTokenIssued,
  displayPath,
} from '../../shared/control';
import type { Access } from '../access';
import type { ScreenHub } from '../control/screenHub';
import { issuesOf, sendError } from './apiErrors';
import { jsonBody } from './jsonBody';
import { actorName, requireRole } from './operatorAuth';

export interface DisplayRouteDeps {
  access: Access;
  hub: ScreenHub;
  /** The registry changed: the consoles get the new list. */
  onChange: () => void;
}

const issued = (display: Display, token: string): DisplayTokenIssued => ({
  display,
  token,
  path: displayPath(display.id, token),
});

/**
 * The display registry: every operator sees the displays and what they show; admins register displays, change
 * them, issue a new token or revoke one (its screens are dropped at once, and refused when they come back), and
 * remove them. A token is in the answer that issues it, and nowhere else, ever.
 */
export function displayRoutes(deps: DisplayRouteDeps): Router {
  const { access, hub } = deps;
  const router = Router();
  const admin = requireRole('admin');
  const audit = (res: express.Response, action: string, id: string, detail: unknown = {}) =>
    access.audit.record({ actor: actorName(res), action, target: `display:${id}`, detail });

  router.get('/api/v1/displays', requireRole('operator'), async (_req, res) => {
    res.set('Cache-Control', 'no-store').json(await hub.list());
  });

  router.post('/api/v1/displays', admin, jsonBody('4kb'), async (req, res) => {
    const input = DisplayInputSchema.safeParse(req.body);
    if (!input.success) return sendError(res, 'BAD_REQUEST', 'not a display', issuesOf(input.error));
    const registered = await access.displays.register(input.data, actorName(res));
    if (!registered) {
      return sendError(res, 'CONFLICT', `display ${input.data.id} is registered already`, [
        { path: ['id'], message: 'taken' },
      ]);
    }
    await audit(res, 'display.register', input.data.id, input.data);
    deps.onChange();
    res.status(201).set('Cache-Control', 'no-store').json(issued(registered.display, registered.token));
  });

  router.patch('/api/v1/displays/:id', admin, jsonBody('4kb'), async (req, res) => {
    const patch = DisplayPatchSchema.safeParse(req.body);
    if (!patch.success) return sendError(res, 'BAD_REQUEST', 'not a change to a display', issuesOf(patch.error));
    const display = await access.displays.update(req.params.id as string, patch.data);
    if (!display) return sendError(res, 'NOT_FOUND', `no display ${req.params.id}`);
    await audit(res, 'display.update', display.id, patch.data);
    deps.onChange();
    res.json(display);
  });

  router.post('/api/v1/displays/:id/token', admin, async (req, res) => {
    const id = req.params.id as string;
    const renewed = await access.displays.issueToken(id);
    if (!renewed) return sendError(res, 'NOT_FOUND', `no display ${id}`);
    hub.disconnect(id);
    await audit(res, 'display.token', id);
    deps.onChange();
    res.set('Cache-Control', 'no-store').json(issued(renewed.display, renewed.token));
  });

  router.delete('/api/v1/displays/:id/token', admin, async (req, res) => {
    const id = req.params.id as string;
    const display = await access.displays.revoke(id);
    if (!display) return sendError(res, 'NOT_FOUND', `no display ${id}`);
    hub.disconnect(id);
    await audit(res, 'display.revoke', id);
    deps.onChange();
    res.json(display);
  });

  router.delete('/api/v1/displays/:id', admin, async (req, res) => {
    const id = req.params.id as string;
    if (!(await access.displays.remove(id))) return sendError(res, 'NOT_FOUND', `no display ${id}`);
    hub.disconnect(id);
    await audit(res, 'display.remove', id);
    deps.onChange();
    res.status(204).end();
  });

  return router;
}
