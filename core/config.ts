/**
 * Configuration from the environment, validated once at start. A bad value stops the process with one
 * line naming the variable, rather than failing later somewhere less obvious.
 */
import { z } from 'zod';
import { isValidTimeZone } from './time';

const list = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []));
const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((s) => s === '1' || s === 'true');
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
    .default('file:./data/chaser.db'),
  CHASER_DEMO: flag,
  CHASER_JOBS: z.enum(['0', '1']).default('1').transform((s) => s === '1'),
  MICROSOFT_APP_ID: z.string().default(''),
  MICROSOFT_APP_PASSWORD: z.string().default(''),
  MICROSOFT_APP_TENANT_ID: z.string().default(''),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  ALLOWED_TENANTS: list,
  ADMIN_AAD_IDS: list,
  DEFAULT_TIME_ZONE: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as Europe/London').default('Europe/London'),
  REMINDER_TIME: timeOfDay.default('09:00'),
  SEND_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(30),
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(5 * 1024 * 1024),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(blankless);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const name = String(issue.path[0]);
  throw new ConfigError(`Invalid environment variable ${name}: ${issue.message} (got "${name.includes('PASSWORD') ? '***' : env[name]}")`);
}

/** Production mode: inbound requests must carry a valid Bot Framework token. */
export function isAuthenticated(config: Config): boolean {
  return config.MICROSOFT_APP_ID !== '' && config.MICROSOFT_APP_PASSWORD !== '';
}
