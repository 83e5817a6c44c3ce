import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../logger';

/** A logger at `level` whose lines a test reads back, parsed. */
export function capturedLog(level: Parameters<typeof createLogger>[0] = 'info'): {
  lines: Record<string, unknown>[];
  logger: Logger;
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, logger: createLogger(level, sink) };
}
