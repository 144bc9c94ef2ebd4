/**
 * SQLite connection settings hold for the whole life of a client, not only its first connection:
 * libsql opens a fresh connection after every transaction.
 */
import { spawn } from 'node:child_process';
import { openDb, type Db } from '../../../core/db/client';
import { migrate } from '../../../core/db/migrate';
import { createTestDatabaseUrl, testProvider } from '../../helpers/db';

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
  const child = spawn(process.execPath, ['-e', script, url.slice('file:'.length)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve({ done }));
    child.on('error', reject);
  });
}

(sqlite ? it : it.skip)('keeps its settings after a transaction, so a write waits for another process instead of failing', async () => {
  await db.prisma.$transaction(async (tx) => tx.plan.count());
  const pragma = async (name: string) => Object.values((await db.prisma.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0])[0];
  expect([await pragma('busy_timeout'), await pragma('synchronous'), await pragma('foreign_keys')]).toEqual([5000, 1, 1]);

  const other = await holdWriteLock(400);
  await expect(db.prisma.plan.create({ data: { key: 'BOT', title: 'Written while the CLI held the lock' } })).resolves.toMatchObject({ key: 'BOT' });
  expect(await other.done).toBe(0);
});
