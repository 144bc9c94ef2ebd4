/**
 * Configuration from the environment, validated once at start. A bad value stops the process with one
 * line naming the variable, rather than failing later somewhere less obvious.
 */
import { z } from 'zod';
import { isValidTimeZone } from './time';

/** Comma-separated host names, `*.domain` for any host under it. */
function hostList(defaults: string) {
  return z
    .string()
    .default(defaults)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine(
      (hosts) => hosts.length > 0 && hosts.every((h) => hostPattern.test(h)),
      'must be comma-separated host names (*.domain for any host under it)',
    );
}

const list = z
  .string()
  .optional()
  .transform((s) =>
    s
      ? s
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : [],
  );
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((s) => s === '1' || s === 'true');
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

export const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;

/** A host name, or `*.` and a domain for any host under it. */
const hostPattern = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  // Loopback unless told otherwise: local mode trusts what it is sent, so it must not be reachable from afar.
  HOST: z
    .string()
    .regex(/^[0-9a-f.:]+$|^localhost$/i, 'must be an IP address to listen on, such as 127.0.0.1 or 0.0.0.0')
    .default('127.0.0.1'),
  // Bot Connector hosts replies may go to with Azure settings on (Teams' and the Bot Framework's).
  SERVICE_URL_HOSTS: hostList('smba.trafficmanager.net,*.botframework.com,*.teams.microsoft.com,*.teams.microsoft.us'),
  // Hosts a file sent to the bot may be downloaded from with Azure settings on: Teams keeps chat files in
  // the sender's OneDrive, on SharePoint. Never an address on a private network, whatever the name.
  FILE_DOWNLOAD_HOSTS: hostList('*.sharepoint.com,*.sharepoint.us,*.sharepoint.de,*.sharepoint.cn'),
  // Everything a turn sends back must be done by then: Teams resends an activity it has no answer to after ~15 s.
  TURN_DEADLINE_MS: z.coerce.number().int().min(1000).max(14_000).default(10_000),
  // The longest a fetch of the token signing keys may take, and a request wait for them.
  AUTH_KEYS_TIMEOUT_MS: z.coerce.number().int().min(100).max(10_000).default(800),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
    .default('file:./data/chaser.db'),
  CHASER_DEMO: flag,
  CHASER_JOBS: z
    .enum(['0', '1'])
    .default('1')
    .transform((s) => s === '1'),
  MICROSOFT_APP_ID: z.string().default(''),
  MICROSOFT_APP_PASSWORD: z.string().default(''),
  MICROSOFT_APP_TENANT_ID: z.string().default(''),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ALLOWED_TENANTS: list,
  ADMIN_AAD_IDS: list,
  DEFAULT_TIME_ZONE: z
    .string()
    .refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London')
    .default('Europe/London'),
  REMINDER_TIME: timeOfDay.default('09:00'),
  SEND_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(30),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  // The longest pause a Retry-After from Teams can impose on sends; a longer one is cut to this and logged.
  OUTBOX_MAX_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  // Days a sent message's payload is kept for audit and debugging before it is cleared (core/outbox/prune.ts).
  OUTBOX_RETENTION_DAYS: z
    .string()
    .regex(/^\d{1,5}$/, 'must be a whole number of days, up to 99999 (0 keeps sent payloads forever)')
    .default('90')
    .transform(Number),
  // The board tab's single sign-on: the Entra ID app's Application ID URI (api://<host>/<app id>) and where
  // the identity platform publishes its signing keys (tests point it at a local key server).
  TAB_APP_ID_URI: z
    .string()
    .regex(/^api:\/\/\S+$/, 'must be the Application ID URI, api://<host>/<app id>')
    .optional(),
  // The app package's id (appPackage/manifest.json "id", npm run package's TEAMS_APP_ID): cards deep-link to
  // the board tab only when it is known.
  TEAMS_APP_ID: z
    .string()
    .regex(GUID, 'must be the Teams app id of the app package, a GUID such as 3667d37b-c8eb-4443-ab8c-af9e7a38821e')
    .optional(),
  TAB_JWKS_URL: z.string().url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Optional AI layer for questions the parser cannot read: OpenAI, or Azure OpenAI (all three or none).
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_MODEL: z.string().default('gpt-4o-mini'),
  AZURE_OPENAI_API_KEY: z.string().optional(),
  AZURE_OPENAI_ENDPOINT: z
    .string()
    .regex(/^https:\/\/\S+$/, 'must be the https:// URL of the Azure OpenAI resource')
    .optional(),
  AZURE_OPENAI_DEPLOYMENT: z.string().optional(),
});

const AZURE = ['AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_DEPLOYMENT'] as const;

/** Half an Azure configuration, or two providers at once, is a mistake to report at start. */
const configSchema = envSchema.superRefine((env, ctx) => {
  const given = AZURE.filter((name) => env[name] !== undefined);
  const missing = AZURE.find((name) => env[name] === undefined);
  if (given.length > 0 && missing) {
    ctx.addIssue({
      code: 'custom',
      path: [missing],
      message: `required when ${given.join(' and ')} ${given.length > 1 ? 'are' : 'is'} set`,
    });
  } else if (given.length > 0 && env.OPENAI_API_KEY !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['OPENAI_API_KEY'],
      message: 'set either OPENAI_API_KEY or the AZURE_OPENAI_* settings, not both',
    });
  }
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = configSchema.safeParse(blankless);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue.path[0]);
  const value = blankless[name];
  const got = value === undefined ? '' : ` (got "${/PASSWORD|KEY/.test(name) ? '***' : value}")`;
  throw new ConfigError(`Invalid environment variable ${name}: ${issue.message}${got}`);
}

/** Production mode: inbound requests must carry a valid Bot Framework token. */
export function isAuthenticated(config: Config): boolean {
  return config.MICROSOFT_APP_ID !== '' && config.MICROSOFT_APP_PASSWORD !== '';
}

export type AiSettings =
  | { provider: 'openai'; apiKey: string; model: string }
  | { provider: 'azure'; apiKey: string; endpoint: string; deployment: string };

/** The model behind the optional AI layer, or undefined when none is configured (the default). */
export function aiSettings(config: Config): AiSettings | undefined {
  const { AZURE_OPENAI_API_KEY: apiKey, AZURE_OPENAI_ENDPOINT: endpoint, AZURE_OPENAI_DEPLOYMENT: deployment } = config;
  if (apiKey && endpoint && deployment) return { provider: 'azure', apiKey, endpoint, deployment };
  if (config.OPENAI_API_KEY) return { provider: 'openai', apiKey: config.OPENAI_API_KEY, model: config.OPENAI_MODEL };
  return undefined;
}
