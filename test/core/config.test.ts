import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../core/config';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3978,
      DATABASE_URL: 'file:./data/chaser.db',
      CHASER_DEMO: false,
      DEFAULT_TIME_ZONE: 'Europe/London',
      REMINDER_TIME: '09:00',
      OUTBOX_RETENTION_DAYS: 90,
    });
  });

  it('reads a retention in days, 0 keeping sent payloads forever', () => {
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: '30' }).OUTBOX_RETENTION_DAYS).toBe(30);
    expect(loadConfig({ OUTBOX_RETENTION_DAYS: '0' }).OUTBOX_RETENTION_DAYS).toBe(0);
  });

  it('listens on loopback, fences service URLs to Microsoft hosts and bounds turns and key fetches by default', () => {
    expect(loadConfig({})).toMatchObject({
      HOST: '127.0.0.1',
      SERVICE_URL_HOSTS: [
        'smba.trafficmanager.net',
        '*.botframework.com',
        '*.teams.microsoft.com',
        '*.teams.microsoft.us',
      ],
      TURN_DEADLINE_MS: 10_000,
      AUTH_KEYS_TIMEOUT_MS: 800,
    });
    expect(loadConfig({ HOST: '0.0.0.0', SERVICE_URL_HOSTS: 'smba.example.net, *.Example.org' })).toMatchObject({
      HOST: '0.0.0.0',
      SERVICE_URL_HOSTS: ['smba.example.net', '*.example.org'],
    });
  });

  it('reads lists and flags', () => {
    const c = loadConfig({ CHASER_DEMO: '1', ALLOWED_TENANTS: 'a, b', ADMIN_AAD_IDS: 'x' });
    expect(c).toMatchObject({ CHASER_DEMO: true, ALLOWED_TENANTS: ['a', 'b'], ADMIN_AAD_IDS: ['x'] });
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid environment variable PORT: /],
    [
      { DATABASE_URL: 'mysql://x' },
      /^Invalid environment variable DATABASE_URL: must start with file: \(SQLite\) or postgresql:\/\//,
    ],
    [
      { DEFAULT_TIME_ZONE: 'Mars/Olympus' },
      /^Invalid environment variable DEFAULT_TIME_ZONE: must be an IANA time zone/,
    ],
    [{ REMINDER_TIME: '9am' }, /^Invalid environment variable REMINDER_TIME: must be HH:MM/],
    [
      { OUTBOX_RETENTION_DAYS: '-1' },
      /^Invalid environment variable OUTBOX_RETENTION_DAYS: must be a whole number of days, up to 99999 \(0 keeps sent payloads forever\) \(got "-1"\)$/,
    ],
    [
      { OUTBOX_RETENTION_DAYS: '3 months' },
      /^Invalid environment variable OUTBOX_RETENTION_DAYS: must be a whole number of days/,
    ],
    [{ HOST: 'every interface' }, /^Invalid environment variable HOST: must be an IP address to listen on/],
    [
      { SERVICE_URL_HOSTS: 'https://smba.trafficmanager.net/' },
      /^Invalid environment variable SERVICE_URL_HOSTS: must be comma-separated host names/,
    ],
    [{ TURN_DEADLINE_MS: '20000' }, /^Invalid environment variable TURN_DEADLINE_MS: /],
    [{ AUTH_KEYS_TIMEOUT_MS: 'soon' }, /^Invalid environment variable AUTH_KEYS_TIMEOUT_MS: /],
  ])('names the bad variable in one line: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it("reads the app package's Teams app id for links to the board tab, refusing anything but a GUID", () => {
    expect(loadConfig({}).TEAMS_APP_ID).toBeUndefined();
    expect(loadConfig({ TEAMS_APP_ID: '0b6c6f7e-1d2a-4c3b-9e8f-112233445566' }).TEAMS_APP_ID).toBe(
      '0b6c6f7e-1d2a-4c3b-9e8f-112233445566',
    );
    expect(() => loadConfig({ TEAMS_APP_ID: 'chaser' })).toThrow(/^Invalid environment variable TEAMS_APP_ID: .*GUID/);
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
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Invalid environment variable PORT: .*\(got "not-a-port"\)$/),
    ]);
  }, 90_000);
});
