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

/** The connection Prisma opened through a driver adapter. */
type Queryable = Pick<Awaited<ReturnType<PrismaPg['connect']>>, 'queryRaw'>;
type ArgType = Parameters<Queryable['queryRaw']>[0]['argTypes'][number];

export type { Prisma } from '../../prisma/generated/sqlite/client/client';
export type PrismaClient = InstanceType<typeof SqliteClient>;
export type Provider = 'sqlite' | 'postgresql';

export interface Db {
  prisma: PrismaClient;
  provider: Provider;
  url: string;
  /** Typed reads (core/store), outside any transaction. */
  store: Store;
  /**
   * A bulk read past Prisma's row mapping (ARCHITECTURE "Reads go through Prisma"): `sql` with `$1`, `$2`…
   * on both databases, run on Prisma's own connection outside any transaction; rows come as arrays of the
   * driver's values, timestamps as UTC text ("2026-11-24T10:00:00+00:00"), SQLite booleans as 0 or 1.
   */
  queryRows(sql: string, args: readonly unknown[]): Promise<unknown[][]>;
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
 * commits. The outbox confirms every send with its own commit, so this matters.
 */
const SQLITE_CONNECTION_PRAGMAS = ['PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL', 'PRAGMA busy_timeout = 5000', 'PRAGMA foreign_keys = ON'];

/** Keeps the connection Prisma opened, for queryRows; SQLite through Chaser's own connection (sqlite-connection.ts). */
class SqliteAdapter extends PrismaLibSql {
  connected?: Queryable;

  override async connect() {
    return (this.connected = await super.connect());
  }

  override createClient(config: Parameters<PrismaLibSql['createClient']>[0]) {
    return openSqliteConnection(config.url, SQLITE_CONNECTION_PRAGMAS);
  }
}

/**
 * Prisma runs an include's relation queries concurrently. On a transaction, which is one pg connection,
 * that overlaps queries: pg 8 queues them with a deprecation warning, pg 9 refuses them. Here each
 * transaction's queries go one after another, so every query works inside a transaction as outside.
 */
class PostgresAdapter extends PrismaPg {
  connected?: Queryable;

  override async connect() {
    const adapter = (this.connected = await super.connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const tx = await startTransaction(isolationLevel);
      let last: Promise<unknown> = Promise.resolve();
      const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
        const next = last.then(run, run);
        last = next.catch(() => undefined);
        return next;
      };
      const queryRaw = tx.queryRaw.bind(tx);
      const executeRaw = tx.executeRaw.bind(tx);
      tx.queryRaw = (query) => inTurn(() => queryRaw(query));
      tx.executeRaw = (query) => inTurn(() => executeRaw(query));
      return tx;
    };
    return adapter;
  }
}

/**
 * Prisma's statements are named as the store's are (statement-reuse.ts), so that each connection prepares
 * them once, as Prisma's Rust engine did: PostgreSQL then skips parsing and planning what it has seen.
 * `pgbouncer=true` in the URL, Prisma's own switch for this, turns naming off, for a PgBouncer in
 * transaction mode before 1.21, which cannot keep a statement across transactions.
 */
function postgresAdapter(url: string): { adapter: PostgresAdapter; store: Store; pool: pg.Pool } {
  // pg ignores parameters it does not know, so the URL goes to it as it is.
  const pool = new pg.Pool({ connectionString: url });
  const nameOf = new URL(url).searchParams.get('pgbouncer') === 'true' ? undefined : statementNames();
  const adapter = new PostgresAdapter(pool, nameOf && { statementNameGenerator: ({ sql, args }) => nameOf(sql, args.length) });
  return { adapter, store: postgresStore(pool, nameOf), pool };
}

export async function openDb(url: string): Promise<Db> {
  const provider = providerOf(url);
  const { adapter, store, pool } =
    provider === 'sqlite' ? { adapter: new SqliteAdapter({ url }), store: sqliteStore(sqlitePath(url), SQLITE_CONNECTION_PRAGMAS), pool: undefined } : postgresAdapter(url);
  const prisma = adapter instanceof SqliteAdapter ? new SqliteClient({ adapter }) : (new PostgresClient({ adapter }) as unknown as PrismaClient);
  // SQLite: the file opens (and takes its settings) now, so a bad path fails at start, not at a first question.
  if (provider === 'sqlite') await prisma.$connect();
  const queryRows = async (sql: string, args: readonly unknown[]) => {
    if (!adapter.connected) await prisma.$connect();
    // SQLite spells numbered parameters ?1, ?2…: replaced as text, so no literal in `sql` may hold "$" and a digit.
    const query = { sql: provider === 'sqlite' ? sql.replace(/\$(\d+)/g, '?$1') : sql, args: [...args], argTypes: args.map(argType) };
    return (await adapter.connected!.queryRaw(query)).rows;
  };
  const close = async () => {
    adapter.connected = undefined;
    await prisma.$disconnect();
    await store.destroy();
    await pool?.end();
  };
  return { prisma, provider, url, store, queryRows, close };
}

/**
 * How the driver adapters convert an argument: Dates to each database's stored timestamp text; an array
 * (PostgreSQL only) element by element, to one array parameter.
 */
function argType(value: unknown): ArgType {
  if (Array.isArray(value)) return { ...argType(value[0]), arity: 'list' };
  const scalarType = value instanceof Date ? 'datetime' : typeof value === 'number' ? (Number.isInteger(value) ? 'int' : 'float') : typeof value === 'boolean' ? 'boolean' : 'string';
  return { scalarType, arity: 'scalar' };
}
