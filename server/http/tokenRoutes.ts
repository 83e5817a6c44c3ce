import { Router } from 'express';
import { AutomationTokenInputSchema } from '../../shared/control';
import type { Access } from '../access';
import { issuesOf, sendError } from './apiErrors';
import { jsonBody } from './jsonBody';
import { actorName, requireRole } from './operatorAuth';

/**
 * Automation tokens, for admins: list, issue (the secret is in this answer only) and revoke. A token acts with an
 * operator's rights, under its own name in the audit log. A revoked token's console feeds are dropped at once.
 */
export function tokenRoutes(access: Access, onRevoke: (tokenId: number) => void): Router {
  const router = Router();
  const admin = requireRole('admin');

  router.get('/api/v1/tokens', admin, async (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ tokens: await access.tokens.list() });
  });

  router.post('/api/v1/tokens', admin, jsonBody('4kb'), async (req, res) => {
    const input = AutomationTokenInputSchema.safeParse(req.body);
    if (!input.success) return sendError(res, 'BAD_REQUEST', 'send { name }', issuesOf(input.error));
    const { token, secret } = await access.tokens.create(input.data.name, actorName(res));
    await access.audit.record({
      actor: actorName(res),
      action: 'token.issue',
      target: `token:${token.id}`,
      detail: input.data,
    });
    res.status(201).set('Cache-Control', 'no-store').json({ token, secret });
  });

  router.delete('/api/v1/tokens/:id', admin, async (req, res) => {
    const id = Number(req.params.id);
    const token = Number.isInteger(id) ? await access.tokens.revoke(id) : null;
    if (!token) return sendError(res, 'NOT_FOUND', `no automation token ${req.params.id}`);
    onRevoke(id);
    await access.audit.record({ actor: actorName(res), action: 'token.revoke', target: `token:${id}`, detail: {} });
    res.json(token);
  });

  return router;
}
