/** Chaser's real logger (with its redaction) writing into memory, to assert on what would be logged. */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../bot/logger';

export interface CapturedLog {
  log: Logger;
  /** Everything written so far, raw. */
  text(): string;
  entries(): Record<string, any>[];
}

export function captureLog(level = 'debug'): CapturedLog {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    log: createLogger(level, stream),
    text,
    entries: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l)),
  };
}
