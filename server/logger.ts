import { type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger };

/** Paths that may carry secrets; pino replaces them before a line is written. */
const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.token',
  '*.auth',
];

function options(level: string): LoggerOptions {
  return { level, redact: { paths: REDACT, censor: '[redacted]' }, base: { service: 'ioc-wall' } };
}

/**
 * pino's own pretty printer, in a worker thread: one short line per entry, the access lines as
 * `GET /path 200 3 ms`, the start's last line without the fields its message already says (the addresses). Its
 * options cross into the worker, so they are data, not functions.
 */
const PRETTY = {
  target: 'pino-pretty',
  options: {
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'service,req,res,responseTime,host,port,wall,console,firstOperator',
    messageFormat:
      '{if req.method}{req.method} {req.url} {end}{if res.statusCode}{res.statusCode} {responseTime} ms {end}{msg}',
    singleLine: true,
  },
};

/** JSON lines, one object a line, to `destination` (standard output by default). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(options(level), destination);
}

/**
 * The server's logger: readable lines when standard output is a terminal (a person watching `npm start`), JSON
 * lines otherwise (a file, journald, a container's log), where tools parse them.
 */
export function createProcessLogger(level: string, terminal = process.stdout.isTTY === true): Logger {
  return terminal ? pino({ ...options(level), transport: PRETTY }) : createLogger(level);
}
