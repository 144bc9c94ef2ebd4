/** Structured JSON logs. Secrets are redacted by path so a logged config or request never leaks them. */
import pino from 'pino';

export type Logger = pino.Logger;

/** `destination` defaults to stdout; tests pass a stream to read what would be logged. */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'chaser' },
    redact: {
      paths: ['MICROSOFT_APP_PASSWORD', '*.MICROSOFT_APP_PASSWORD', 'password', '*.password', 'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization'],
      censor: '***',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
