/**
 * A fresh, migrated database per test file: a temporary SQLite file, or a new PostgreSQL database on the
 * server named by TEST_DATABASE_URL when the jest project runs the suite against PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openDb, type Db } from '../../core/db/client';
import { migrate } from '../../core/db/migrate';

export interface TestDatabase {
  url: string;
  db: Db;
  /** Closes the connection and removes the database. */
  drop(): Promise<void>;
}

export function testProvider(): 'sqlite' | 'postgresql' {
  return process.env.CHASER_TEST_PROVIDER === 'postgresql' ? 'postgresql' : 'sqlite';
}

let counter = 0;

/** A URL for an empty database; `dispose` removes it. */
export async function createTestDatabaseUrl(): Promise<{ url: string; dispose: () => Promise<void> }> {
  if (testProvider() === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'chaser-test-'));
    return {
      url: `file:${path.join(dir, 'test.db')}`,
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) throw new Error('TEST_DATABASE_URL must be set to run the suite against PostgreSQL');
  const name = `chaser_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  await withAdmin(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dispose: () =>
      withAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export async function createTestDb(): Promise<TestDatabase> {
  const { url, dispose } = await createTestDatabaseUrl();
  await migrate(url);
  const db = await openDb(url);
  return {
    url,
    db,
    drop: async () => {
      await db.close();
      await dispose();
    },
  };
}

async function withAdmin<T>(url: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * Runs `fn` with history's append-only triggers off, as only someone able to alter the schema could:
 * for tests that empty their database between cases (plans cascade to their history) and tests that
 * tamper with a history row on purpose.
 */
export async function withHistoryUnlocked<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const p = db.prisma;
  if (db.provider === 'postgresql') {
    await p.$executeRawUnsafe('ALTER TABLE "Update" DISABLE TRIGGER "Update_append_only"');
    try {
      return await fn();
    } finally {
      await p.$executeRawUnsafe('ALTER TABLE "Update" ENABLE TRIGGER "Update_append_only"');
    }
  }
  const triggers = await p.$queryRawUnsafe<{ name: string; sql: string }[]>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Update'`,
  );
  for (const t of triggers) await p.$executeRawUnsafe(`DROP TRIGGER "${t.name}"`);
  try {
    return await fn();
  } finally {
    for (const t of triggers) await p.$executeRawUnsafe(t.sql);
  }
}
