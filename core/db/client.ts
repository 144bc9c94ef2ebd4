/**
 * Opens the database named by a URL: `file:` → SQLite (embedded default) through libsql,
 * `postgres(ql):` → PostgreSQL through pg. Prisma ties a generated client to one provider, so both
 * are generated from one model file and the rest of Chaser is typed against the SQLite one (their
 * APIs are identical because their models are).
 */
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../../prisma/generated/sqlite/client/client';
import { PrismaClient as PostgresClient } from '../../prisma/generated/postgresql/client/client';

export type { Prisma } from '../../prisma/generated/sqlite/client/client';
export type PrismaClient = InstanceType<typeof SqliteClient>;
export type Provider = 'sqlite' | 'postgresql';

export interface Db {
  prisma: PrismaClient;
  provider: Provider;
  url: string;
  close(): Promise<void>;
}

export function providerOf(url: string): Provider {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${redactUrl(url)}"`);
}

/** The URL without its password, for logs and messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

export async function openDb(url: string): Promise<Db> {
  const provider = providerOf(url);
  const prisma =
    provider === 'sqlite'
      ? new SqliteClient({ adapter: new PrismaLibSql({ url }) })
      : (new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient);
  if (provider === 'sqlite') {
    // WAL lets the CLI read while the bot writes; busy_timeout makes a second writer wait instead of failing.
    await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    // In WAL mode NORMAL skips the fsync per commit yet survives a process crash; only a power cut can
    // lose the last commits. The outbox confirms every send with its own commit, so this matters.
    await prisma.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
    await prisma.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
    await prisma.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  }
  return { prisma, provider, url, close: () => prisma.$disconnect() };
}
