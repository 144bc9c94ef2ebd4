/**
 * What the database drivers get wrong under Prisma, mended where the clients are made. SQLite connection settings hold for the whole life of a client,
 * after transactions too (@libsql/client, before Chaser's own connection, opened a fresh connection
 * with SQLite's defaults after each); a PostgreSQL transaction never overlaps queries on its one
 * connection, though Prisma runs an include's relations concurrently.
 */
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import pg from 'pg';
import { actionViewInclude } from '../../../core/actions/view';
import { openDb, type Db } from '../../../core/db/client';
import { migrate } from '../../../core/db/migrate';
import { createTestDatabaseUrl, testProvider } from '../../helpers/db';
import { seedPlan } from '../../helpers/fixtures';

const sqlite = testProvider() === 'sqlite';
let url: string;
let dispose: () => Promise<void>;
let db: Db;
beforeAll(async () => {
  ({ url, dispose } = await createTestDatabaseUrl());
  await migrate(url);
  db = await openDb(url);
});
afterAll(async () => {
  await db.close();
  await dispose();
});

/** Another process (the CLI, say) that holds SQLite's write lock for `ms`; resolves once it holds it. */
function holdWriteLock(ms: number): Promise<{ done: Promise<number | null> }> {
  const script = `const Database = require('libsql'); const db = new Database(process.argv[1]); db.exec('BEGIN IMMEDIATE');
    console.log('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); }, ${ms});`;
  const child = spawn(process.execPath, ['-e', script, url.slice('file:'.length)], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve({ done }));
    child.on('error', reject);
  });
}

(sqlite ? it : it.skip)(
  'keeps its settings after a transaction, so a write waits for another process instead of failing',
  async () => {
    await db.prisma.$transaction(async (tx) => tx.plan.count());
    const pragma = async (name: string) =>
      Object.values((await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0])[0];
    expect([await pragma('busy_timeout'), await pragma('synchronous'), await pragma('foreign_keys')]).toEqual([
      5000, 1, 1,
    ]);

    const other = await holdWriteLock(400);
    await expect(
      db.prisma.plan.create({ data: { key: 'BOT', title: 'Written while the CLI held the lock' } }),
    ).resolves.toMatchObject({ key: 'BOT' });
    expect(await other.done).toBe(0);
  },
);

(sqlite ? it.skip : it)(
  'runs the queries of an include inside a transaction one after another on its connection',
  async () => {
    await seedPlan(db, {
      key: 'TX',
      actions: [{ ref: '1', owners: ['FCR'], updates: [{ at: '2015-03-01', text: 'first' }] }],
    });
    // How many queries each pg connection has under way, and the most it ever had.
    const running = new Map<object, number>();
    let most = 0;
    const query = pg.Client.prototype.query as (this: object, ...args: unknown[]) => unknown;
    const spy = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: object,
      ...args: unknown[]
    ) {
      running.set(this, (running.get(this) ?? 0) + 1);
      most = Math.max(most, running.get(this)!);
      const result = query.apply(this, args) as Promise<unknown>;
      void result.finally(() => running.set(this, running.get(this)! - 1)).catch(() => undefined);
      return result;
    } as never);
    try {
      const row = await db.prisma.$transaction((tx) =>
        tx.action.findFirst({ where: { ref: '1' }, include: actionViewInclude }),
      );
      expect(row).toMatchObject({
        plan: { key: 'TX' },
        owners: [{ post: { name: 'FCR' } }],
        updates: [{ text: 'first' }],
      });
    } finally {
      spy.mockRestore();
    }
    expect(most).toBe(1);
  },
);

(sqlite ? it.skip : it)(
  'prepares a PostgreSQL statement once per connection and reuses it by name, except bulk statements and behind pgbouncer=true',
  async () => {
    // A fresh client asking one thing at a time holds one connection, whose prepared statements these are.
    const prepared = async (d: Db) =>
      (
        await sql<{
          statement: string;
        }>`SELECT "statement" FROM pg_prepared_statements WHERE "name" LIKE 'chaser_%'`.execute(d.store)
      ).rows.map((r) => r.statement);
    const planReads = (list: string[]) => list.filter((sql) => sql.includes('FROM "public"."Plan"'));
    const bulk = `SELECT ${Array.from({ length: 101 }, (_, i) => `$${i + 1}::text`).join(' || ')} AS "joined"`;
    const ask = async (d: Db) => {
      await d.prisma.plan.findMany({ where: { key: 'NONE' } });
      await d.prisma.$queryRawUnsafe(bulk, ...Array.from({ length: 101 }, (_, i) => String(i)));
    };

    const named = await openDb(url);
    try {
      await ask(named);
      await ask(named); // a second Parse under the same name would fail: the statement is reused
      const statements = await prepared(named);
      expect(planReads(statements)).toHaveLength(1);
      expect(statements).not.toContain(bulk);
    } finally {
      await named.close();
    }

    const pooled = new URL(url);
    pooled.searchParams.set('pgbouncer', 'true');
    const unnamed = await openDb(pooled.toString());
    try {
      await ask(unnamed);
      expect(await prepared(unnamed)).toEqual([]);
    } finally {
      await unnamed.close();
    }
  },
);
