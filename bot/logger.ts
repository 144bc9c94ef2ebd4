/**
 * Structured JSON logs, for log collectors; on a terminal the same records read as lines (pino-pretty).
 * Secrets are redacted by path so a logged config or request never leaks them.
 */
import pino from 'pino';
import pretty from 'pino-pretty';

export type Logger = pino.Logger;

/** `destination` defaults to stdout (pretty when it is a terminal); tests pass a stream to read what would be logged. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'chaser' },
    redact: {
      paths: ['MICROSOFT_APP_PASSWORD', '*.MICROSOFT_APP_PASSWORD', 'password', '*.password', 'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization'],
      censor: '***',
    },
  };
  if (destination) return pino(options, destination);
  return process.stdout.isTTY ? pino(options, pretty({ ignore: 'pid,hostname,app', translateTime: 'SYS:HH:MM:ss' })) : pino(options);
}
