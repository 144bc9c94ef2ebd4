/**
 * The typed read layer (core/store): the same values on both databases, timestamps as Dates at UTC and
 * booleans as booleans, in parameters as in rows; statements prepared once per connection.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import Database from 'libsql';
import { openDb } from '../../../core/db/client';
import { createTestDb, testProvider, type TestDatabase } from '../../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it('reads and binds timestamps as Dates at UTC and booleans as booleans, seeing what Prisma committed', async () => {
  await t.db.prisma.person.create({
    data: {
      id: 'p-store',
      displayName: 'Store Read',
      remindersPaused: true,
      awayUntil: new Date('2026-12-01T09:30:00.250Z'),
    },
  });
  const row = await t.db.store
    .selectFrom('Person')
    .select(['displayName', 'remindersPaused', 'awayUntil', 'delegateId'])
    .where('id', '=', 'p-store')
    .where('awayUntil', '>', new Date('2026-12-01T09:30:00.000Z'))
    .where('remindersPaused', '=', true)
    .executeTakeFirst();
  expect(row).toEqual({
    displayName: 'Store Read',
    remindersPaused: true,
    awayUntil: new Date('2026-12-01T09:30:00.250Z'),
    delegateId: null,
  });
  const later = await t.db.store
    .selectFrom('Person')
    .select('id')
    .where('awayUntil', '>', new Date('2026-12-01T09:30:00.250Z'))
    .execute();
  expect(later).toEqual([]);
});

(testProvider() === 'sqlite' ? it : it.skip)(
  'prepares a SQLite statement once and runs it again with new values',
  async () => {
    const prepare = jest.spyOn(Database.prototype, 'prepare');
    try {
      const byKey = (key: string) => t.db.store.selectFrom('Plan').select('title').where('key', '=', key).execute();
      expect([await byKey('none'), await byKey('other')]).toEqual([[], []]);
      expect(prepare.mock.calls.filter(([text]) => String(text).includes('from "Plan"'))).toHaveLength(1);
    } finally {
      prepare.mockRestore();
    }
  },
);

(testProvider() === 'postgresql' ? it : it.skip)(
  'names its PostgreSQL statements as Prisma does, unless pgbouncer=true',
  async () => {
    const preparedPlanReads = async (db: typeof t.db) => {
      await db.store.selectFrom('Plan').select('title').where('key', '=', 'none').execute();
      await db.store.selectFrom('Plan').select('title').where('key', '=', 'other').execute();
      const { rows } = await sql<{
        statement: string;
      }>`SELECT "statement" FROM pg_prepared_statements WHERE "name" LIKE 'chaser_%'`.execute(db.store);
      return rows.filter((r) => r.statement.includes('from "Plan"'));
    };
    const named = await openDb(t.url);
    try {
      expect(await preparedPlanReads(named)).toHaveLength(1);
    } finally {
      await named.close();
    }
    const pooled = new URL(t.url);
    pooled.searchParams.set('pgbouncer', 'true');
    const unnamed = await openDb(pooled.toString());
    try {
      expect(await preparedPlanReads(unnamed)).toHaveLength(0);
    } finally {
      await unnamed.close();
    }
  },
);

it('is the only place outside the tests that imports Kysely', () => {
  const root = path.join(__dirname, '../../..');
  const sources = (dir: string): string[] =>
    readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
  const importers = ['core', 'bot', 'jobs', 'cards']
    .flatMap(sources)
    .filter((file) => /from 'kysely(\/[a-z]+)?'/.test(readFileSync(path.join(root, file), 'utf8')));
  expect(importers.filter((file) => !file.startsWith(path.join('core', 'store')))).toEqual([]);
  expect(importers.length).toBeGreaterThan(0);
});
