import express, { type RequestHandler } from 'express';
import { sendError } from './apiErrors';

/**
 * Parses a JSON body of at most `limit`, and answers 415 naming the content type when the request sent a body of
 * another type (a form, plain text), rather than letting the route's schema say "expected object, received
 * undefined". A request with no body at all goes on to the route, whose schema names what is missing.
 */
export function jsonBody(limit: string | number): RequestHandler {
  const parse = express.json({ limit });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if (error !== undefined) return next(error);
      if (req.body !== undefined || req.is('application/json') !== false) return next();
      const type = req.get('content-type') ?? 'none';
      sendError(res, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type ${type} is not JSON: send application/json`);
    });
}
