/** Structured JSON logs. Secrets are redacted by path so a logged config or request never leaks them. */
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { app: 'chaser' },
    redact: {
      paths: ['MICROSOFT_APP_PASSWORD', '*.MICROSOFT_APP_PASSWORD', 'password', '*.password', 'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization'],
      censor: '***',
    },
  });
}
