/**
 * The clients openDb makes: SQLite's connection settings hold for the whole life of a client, after
 * transactions too, and a transaction opens no file handle; a PostgreSQL transaction runs an include's
 * side-by-side queries on its one connection in pipeline mode.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
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

(sqlite ? it : it.skip)('opens no file handle per transaction, so a burst of them cannot run out', async () => {
  const handles = () => readdirSync('/proc/self/fd').length;
  await db.prisma.$transaction(async (tx) => tx.plan.count());
  const before = handles();
  for (let i = 0; i < 300; i++) await db.prisma.$transaction(async (tx) => tx.plan.count());
  expect(handles() - before).toBeLessThan(5);
});

(sqlite ? it.skip : it)(
  "runs an include's queries inside a transaction on its one connection, pipelined, never queued behind each other",
  async () => {
    await seedPlan(db, {
      key: 'TX',
      actions: [{ ref: '1', owners: ['FCR'], updates: [{ at: '2015-03-01', text: 'first' }] }],
    });
    // How many queries each pg connection has under way, the most it ever had, and whether any of them
    // went to a connection that would queue it (pg's deprecated path, an error in pg 9).
    const running = new Map<pg.Client, number>();
    let most = 0;
    let queued = 0;
    const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
    const spy = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (
      this: pg.Client,
      ...args: unknown[]
    ) {
      const under = (running.get(this) ?? 0) + 1;
      running.set(this, under);
      most = Math.max(most, under);
      if (under > 1 && !this.pipeline) queued++;
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
    expect(most).toBeGreaterThan(1);
    expect(queued).toBe(0);
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
