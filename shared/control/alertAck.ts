import { z } from 'zod';
import { AlertSchema } from '../protocol/schemas';

/** The most alerts one acknowledgement may name: more than any console lists at once. */
export const MAX_ACK_IDS = 500;

/**
 * `POST /api/v1/alerts/ack`: acknowledges the named active alerts, all or none. A repeated id counts once; an id
 * that names no active alert (unknown, or ended since the console listed it) refuses the whole request.
 */
export const AlertAckRequestSchema = z.strictObject({
  ids: z
    .array(z.string().min(1).max(200))
    .min(1, 'name at least one alert')
    .max(MAX_ACK_IDS, `at most ${MAX_ACK_IDS} alerts at once`),
});
export type AlertAckRequest = z.infer<typeof AlertAckRequestSchema>;

/** The answer: each alert named, acknowledged, in the order asked. */
export const AlertAckResultSchema = z.strictObject({ alerts: z.array(AlertSchema) });
export type AlertAckResult = z.infer<typeof AlertAckResultSchema>;
