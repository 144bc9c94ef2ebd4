import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../core/config';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3978, DATABASE_URL: 'file:./data/chaser.db', CHASER_DEMO: false, DEFAULT_TIME_ZONE: 'Europe/London', REMINDER_TIME: '09:00', OUTBOX_RETENTION_DAYS: 90 });
  });

  it('reads a retention in days, 0 keeping sent payloads forever', () => {
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: '30' }).OUTBOX_RETENTION_DAYS).toBe(30);
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: '0' }).OUTBOX_RETENTION_DAYS).toBe(0);
  });

  it('reads lists and flags', () => {
    const c = loadConfig({ CHASER_DEMO: '1', ALLOWED_TENANTS: 'a, b', ADMIN_AAD_IDS: 'x' });
    expect(c).toMatchObject({ CHASER_DEMO: true, ALLOWED_TENANTS: ['a', 'b'], ADMIN_AAD_IDS: ['x'] });
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid environment variable PORT: /],
    [{ DATABASE_URL: 'mysql://x' }, /^Invalid environment variable DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\//],
    [{ DEFAULT_TIME_ZONE: 'Mars/Olympus' }, /^Invalid environment variable DEFAULT_TIME_ZONE: must be an IANA time zone/],
    [{ REMINDER_TIME: '9am' }, /^Invalid environment variable REMINDER_TIME: must be HH:MM/],
    [{ OUTBOX_RETENTION_DAYS: '-1' }, /^Invalid environment variable OUTBOX_RETENTION_DAYS: must be a whole number of days, up to 99999 \(0 keeps sent payloads forever\) \(got "-1"\)$/],
    [{ OUTBOX_RETENTION_DAYS: '3 months' }, /^Invalid environment variable OUTBOX_RETENTION_DAYS: must be a whole number of days/],
  ])('names the bad variable in one line: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a password back', () => {
    expect(() => loadConfig({ MICROSOFT_APP_PASSWORD: 'hunter2', MICROSOFT_APP_TYPE: 'Nope' })).not.toThrow(/hunter2/);
  });

  it('stops `npm start` with exactly one line naming the variable', () => {
    const root = path.resolve(__dirname, '../..');
    const r = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'bot/index.ts'], {
      cwd: root,
      env: { ...process.env, PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid environment variable PORT: .*\(got "not-a-port"\)$/)]);
  }, 90_000);
});
