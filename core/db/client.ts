/**
 * Opens the database named by a URL: `file:` → SQLite (embedded default) through libsql,
 * `postgres(ql):` → PostgreSQL through pg. Prisma ties a generated client to one provider, so both
 * are generated from one model file and the rest of Chaser is typed against the SQLite one (their
 * APIs are identical because their models are).
 */
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient as SqliteClient } from '../../prisma/generated/sqlite/client/client';
import { PrismaClient as PostgresClient } from '../../prisma/generated/postgresql/client/client';
import { postgresStore, sqliteStore, type Store } from '../store';
import { openSqliteConnection, sqlitePath } from './sqlite-connection';
import { statementNames } from './statement-reuse';

export type { Prisma } from '../../prisma/generated/sqlite/client/client';
export type PrismaClient = InstanceType<typeof SqliteClient>;
export type Provider = 'sqlite' | 'postgresql';

export interface Db {
  prisma: PrismaClient;
  provider: Provider;
  url: string;
  /** Typed reads (core/store), outside any transaction. */
  store: Store;
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

/**
 * Settings of each SQLite connection. WAL (kept in the file) lets the CLI read while the bot writes.
 * busy_timeout makes a second writer (the CLI while the bot runs) wait instead of failing. In WAL mode
 * NORMAL skips the fsync per commit yet survives a process crash; only a power cut can lose the last
 * commits. The outbox confirms every send with its own commit, so this matters. A 16 MiB page cache
 * (SQLite's default is 2 MiB) keeps the indexes a reminder sweep walks in memory between its statements;
 * more cache no longer made the sweep faster, only bigger.
 */
const SQLITE_CONNECTION_PRAGMAS = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA synchronous = NORMAL',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA foreign_keys = ON',
  'PRAGMA cache_size = -16384',
];

/** SQLite through Chaser's own connection (sqlite-connection.ts). */
class SqliteAdapter extends PrismaLibSql {
  override createClient(config: Parameters<PrismaLibSql['createClient']>[0]) {
    return openSqliteConnection(config.url, SQLITE_CONNECTION_PRAGMAS);
  }
}

/**
 * Prisma's statements are named as the store's are (statement-reuse.ts, through the adapter's documented
 * statementNameGenerator), so that each connection prepares them once: PostgreSQL then skips parsing and
 * planning what it has seen.
 * `pgbouncer=true` in the URL, Prisma's own switch for this, turns naming off, for a PgBouncer in
 * transaction mode before 1.21, which cannot keep a statement across transactions.
 */
function postgresAdapter(url: string): { adapter: PrismaPg; store: Store; pool: pg.Pool } {
  // pg ignores parameters it does not know, so the URL goes to it as it is. Prisma runs an include's
  // relation queries side by side; inside a transaction they share its one connection, which pg answers
  // only in pipeline mode (queueing them is deprecated, and pg 9 refuses them).
  const pool = new pg.Pool({ connectionString: url, pipeline: true });
  // An idle connection the server ends (a restart, a failover, pg_terminate_backend) is dropped from the pool
  // and the next query opens another; unhandled, pg's error event would end the process.
  pool.on('error', () => undefined);
  const nameOf = new URL(url).searchParams.get('pgbouncer') === 'true' ? undefined : statementNames();
  const adapter = new PrismaPg(pool, nameOf && { statementNameGenerator: ({ sql, args }) => nameOf(sql, args.length) });
  return { adapter, store: postgresStore(pool, nameOf), pool };
}

export async function openDb(url: string): Promise<Db> {
  const provider = providerOf(url);
  const { adapter, store, pool } =
    provider === 'sqlite'
      ? {
          adapter: new SqliteAdapter({ url }),
          store: sqliteStore(sqlitePath(url), SQLITE_CONNECTION_PRAGMAS),
          pool: undefined,
        }
      : postgresAdapter(url);
  const prisma =
    adapter instanceof SqliteAdapter
      ? new SqliteClient({ adapter })
      : (new PostgresClient({ adapter }) as unknown as PrismaClient);
  // SQLite: the file opens (and takes its settings) now, so a bad path fails at start, not at a first question.
  if (provider === 'sqlite') await prisma.$connect();
  const close = async () => {
    await prisma.$disconnect();
    await store.destroy();
    await pool?.end();
  };
  return { prisma, provider, url, store, close };
}
