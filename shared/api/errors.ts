import { z } from 'zod';

/**
 * Every error the HTTP API answers, by code. The status goes with the code: BAD_REQUEST and MALFORMED_JSON 400,
 * UNAUTHORIZED 401, FORBIDDEN 403, NOT_FOUND 404, IDEMPOTENCY_CONFLICT and CONFLICT 409, PAYLOAD_TOO_LARGE 413,
 * UNSUPPORTED_MEDIA_TYPE 415, UNPROCESSABLE 422, RATE_LIMITED 429, INTERNAL 500, STORAGE_UNAVAILABLE 503.
 */
export const API_ERROR_CODES = [
  'BAD_REQUEST',
  'MALFORMED_JSON',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'IDEMPOTENCY_CONFLICT',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNPROCESSABLE',
  'RATE_LIMITED',
  'INTERNAL',
  'STORAGE_UNAVAILABLE',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const API_ERROR_STATUS: Record<ApiErrorCode, number> = {
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  IDEMPOTENCY_CONFLICT: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  STORAGE_UNAVAILABLE: 503,
};

/** One reason an input was refused: the path of the field it concerns, and why. */
export const ApiIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});

/** The one shape of every error body of the HTTP API. */
export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string(),
    issues: z.array(ApiIssueSchema).optional(),
  }),
});

export type ApiIssue = z.infer<typeof ApiIssueSchema>;
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
