/**
 * Applies the committed migrations (prisma/<provider>/migrations/<name>/migration.sql) at start.
 * Prisma's own migrate engine cannot be downloaded on our machines, so this small runner does its job
 * and records each file in Prisma's `_prisma_migrations` table with the same columns and checksum
 * (sha256 of the file), so `prisma migrate status` on a machine with the engine agrees.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { Client as PgClient } from 'pg';
import type { Db, Provider } from './client';
import { providerOf } from './client';
import { sqlitePath } from './sqlite-connection';

/** Prisma's advisory lock key: two instances starting at once apply each migration once. */
const PRISMA_ADVISORY_LOCK = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function migrationsDir(provider: Provider): string {
  return path.resolve(__dirname, '../../prisma', provider, 'migrations');
}

export function readMigrations(provider: Provider): Migration[] {
  const dir = migrationsDir(provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Applies what is missing; returns the names applied now. */
export async function migrate(url: string): Promise<string[]> {
  const provider = providerOf(url);
  const migrations = readMigrations(provider);
  return provider === 'sqlite' ? migrateSqlite(url, migrations) : migratePostgres(url, migrations);
}

/** Names of committed migrations the database has not applied (empty when up to date). */
export async function pendingMigrations(url: string): Promise<string[]> {
  const provider = providerOf(url);
  const applied = new Set(
    provider === 'sqlite' ? await withSqlite(url, appliedSqlite) : await withPostgres(url, appliedPostgres),
  );
  return readMigrations(provider)
    .map((m) => m.name)
    .filter((name) => !applied.has(name));
}

/** Whether the app's database answers (through the app's own client) and has every migration applied. */
export async function databaseReadiness(db: Db, url: string): Promise<{ ok: boolean; detail: string }> {
  await db.prisma.$queryRawUnsafe('SELECT 1');
  const pending = await pendingMigrations(url);
  return pending.length
    ? { ok: false, detail: `pending migrations: ${pending.join(', ')}` }
    : { ok: true, detail: 'database reachable, migrations applied' };
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

type SqliteClient = ReturnType<typeof createClient>;

async function withSqlite<T>(url: string, fn: (c: SqliteClient) => Promise<T>): Promise<T> {
  ensureSqliteDir(url);
  const client = createClient({ url });
  try {
    await client.execute('PRAGMA busy_timeout = 10000');
    return await fn(client);
  } finally {
    client.close();
  }
}

async function appliedSqlite(c: SqliteClient): Promise<string[]> {
  const t = await c.execute(`SELECT name FROM sqlite_master WHERE type='table' AND name='_prisma_migrations'`);
  if (t.rows.length === 0) return [];
  const rows = await c.execute(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return rows.rows.map((r) => String(r.migration_name));
}

/**
 * Starters in one process take turns per file: libsql's SQLite calls are synchronous, so a second
 * connection waiting on the lock would block the event loop the first one needs to finish.
 * Other processes wait on SQLite's own lock (busy_timeout).
 */
const sqliteTurns = new Map<string, Promise<unknown>>();

function migrateSqlite(url: string, migrations: Migration[]): Promise<string[]> {
  const previous = sqliteTurns.get(url) ?? Promise.resolve();
  const turn = previous.catch(() => undefined).then(() => migrateSqliteNow(url, migrations));
  sqliteTurns.set(url, turn);
  return turn.finally(() => {
    if (sqliteTurns.get(url) === turn) sqliteTurns.delete(url);
  });
}

async function migrateSqliteNow(url: string, migrations: Migration[]): Promise<string[]> {
  return withSqlite(url, async (c) => {
    await c.execute(SQLITE_TABLE);
    const done: string[] = [];
    for (const m of migrations) {
      // BEGIN IMMEDIATE takes the write lock first, so a second process waits and then sees the row.
      await c.execute('BEGIN IMMEDIATE');
      try {
        const seen = await c.execute({
          sql: 'SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND finished_at IS NOT NULL',
          args: [m.name],
        });
        if (seen.rows.length === 0) {
          for (const statement of splitSql(m.sql)) await c.execute(statement);
          await c.execute({
            sql: `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES (?, ?, current_timestamp, ?, 1)`,
            args: [randomUUID(), m.checksum, m.name],
          });
          done.push(m.name);
        }
        await c.execute('COMMIT');
      } catch (err) {
        await c.execute('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
      }
    }
    return done;
  });
}

async function withPostgres<T>(url: string, fn: (c: PgClient) => Promise<T>): Promise<T> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function appliedPostgres(c: PgClient): Promise<string[]> {
  const t = await c.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
  if (!t.rows[0].t) return [];
  const rows = await c.query(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  return rows.rows.map((r) => String(r.migration_name));
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  return withPostgres(url, async (c) => {
    await c.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    try {
      await c.query(POSTGRES_TABLE);
      const applied = new Set(await appliedPostgres(c));
      const done: string[] = [];
      for (const m of migrations.filter((x) => !applied.has(x.name))) {
        await c.query('BEGIN');
        try {
          await c.query(m.sql);
          await c.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
            [randomUUID(), m.checksum, m.name],
          );
          await c.query('COMMIT');
          done.push(m.name);
        } catch (err) {
          await c.query('ROLLBACK');
          throw new Error(`migration ${m.name} failed: ${(err as Error).message}`);
        }
      }
      return done;
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]);
    }
  });
}

/** Prisma's SQLite migrations are plain statements separated by semicolons at line ends. */
function splitSql(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

function ensureSqliteDir(url: string): void {
  const file = sqlitePath(url);
  if (file && file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
}
