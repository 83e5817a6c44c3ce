import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorCode, type ApiIssue } from '../../shared/api';
import type { Logger } from '../logger';

/** Answers with the API's one error shape, `{ error: { code, message, issues? } }`. */
export function sendError(res: Response, code: ApiErrorCode, message: string, issues?: ApiIssue[]): void {
  const body: ApiErrorBody = { error: { code, message, ...(issues?.length && { issues }) } };
  res.locals.errorCode = code;
  res.status(API_ERROR_STATUS[code]).set('Cache-Control', 'no-store').json(body);
}

/** zod's issues as API issues; an unknown key gets its own path, so the answer names the field. */
export function issuesOf(error: z.ZodError): ApiIssue[] {
  const path = (p: readonly PropertyKey[]) => p.map((k) => (typeof k === 'number' ? k : String(k)));
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ path: [...path(i.path), key], message: `unknown field ${key}` }))
      : [{ path: path(i.path), message: i.message }],
  );
}

/** Body-parser's errors, by their `type`, as API errors. */
const PARSER_ERRORS: Record<string, ApiErrorCode> = {
  'entity.parse.failed': 'MALFORMED_JSON',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'entity.verify.failed': 'BAD_REQUEST',
  'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'request.aborted': 'BAD_REQUEST',
  'request.size.invalid': 'BAD_REQUEST',
};

/** An unknown path under /api gets a JSON 404 rather than Express's HTML page. */
export function apiNotFound(): RequestHandler {
  return (req, res, next) => {
    if (!/^\/(api|metrics)(\/|$)/.test(req.path)) return next();
    sendError(res, 'NOT_FOUND', `no route ${req.method} ${req.path}`);
  };
}

/**
 * The last error handler: body-parser's errors keep their meaning (400 malformed JSON, 413 too large), anything
 * else is logged and answered 500 without internals.
 */
export function apiErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: unknown }).type;
    const code = typeof type === 'string' ? PARSER_ERRORS[type] : undefined;
    if (code === 'MALFORMED_JSON') return sendError(res, code, 'the body is not valid JSON');
    if (code === 'PAYLOAD_TOO_LARGE') {
      const limit = (error as { limit?: number }).limit;
      return sendError(res, code, `the body is larger than ${limit ?? 'the limit of'} bytes`);
    }
    if (code) return sendError(res, code, (error as Error).message);
    logger.error({ err: error }, 'request failed');
    sendError(res, 'INTERNAL', 'internal error');
  };
}
