/**
 * Structured JSON logs, for log collectors; on a terminal the same records read as lines (pino-pretty).
 * Secrets are redacted by path so a logged config or request never leaks them.
 */
import pino from 'pino';

export type Logger = pino.Logger;

/** `destination` defaults to stdout (pretty when it is a terminal); tests pass a stream to read what would be logged. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'chaser' },
    redact: {
      paths: [
        'MICROSOFT_APP_PASSWORD',
        '*.MICROSOFT_APP_PASSWORD',
        'password',
        '*.password',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'req.headers.authorization',
      ],
      censor: '***',
    },
  };
  if (destination) return pino(options, destination);
  if (!process.stdout.isTTY) return pino(options);
  // Required only at a terminal: a server writing JSON for a collector never loads it.
  const pretty: typeof import('pino-pretty') = require('pino-pretty');
  return pino(options, pretty({ ignore: 'pid,hostname,app', translateTime: 'SYS:HH:MM:ss' }));
}
