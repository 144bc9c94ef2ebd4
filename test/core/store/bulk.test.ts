/**
 * Bulk inserts and updates (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): rows written in
 * several statements read back through Prisma exactly as Prisma would have written them.
 */
import { bulk, orderedId, ROWS_PER_STATEMENT, type Bulk } from '../../../core/store/bulk';
import type { Tx } from '../../../core/db/tx';
import { createTestDb, type TestDatabase } from '../../helpers/db';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

const inTx = (write: (db: Bulk) => Promise<void>) =>
  t.db.prisma.$transaction((tx) => write(bulk(tx as Tx, t.db.provider)));
const insert = (table: 'Post' | 'Recommendation', rows: Record<string, unknown>[]) =>
  inTx((db) => db.insert(table, rows));

it('writes more rows than one statement takes, in order', async () => {
  const at = new Date('2015-06-01T09:00:00.123Z');
  const rows = Array.from({ length: 2 * ROWS_PER_STATEMENT + 1 }, (_, i) => ({
    id: orderedId(),
    name: `Post ${i}`,
    createdAt: new Date(at.getTime() + i),
  }));
  await insert('Post', rows);
  const stored = await t.db.prisma.post.findMany({ orderBy: { id: 'asc' } });
  expect(stored).toEqual(rows);
  // Prisma compares dates in the database: the stored text or timestamp is in its own format.
  expect(
    await t.db.prisma.post.count({ where: { createdAt: { gte: new Date(at.getTime() + ROWS_PER_STATEMENT) } } }),
  ).toBe(ROWS_PER_STATEMENT + 1);
});

it('stores a date exactly as Prisma does', async () => {
  const at = new Date('2015-06-01T09:00:00.120Z');
  await t.db.prisma.post.create({ data: { id: 'by-prisma', name: 'By Prisma', createdAt: at } });
  await insert('Post', [{ id: 'in-bulk', name: 'In bulk', createdAt: at }]);
  const stored = await t.db.prisma.$queryRaw<
    { id: string; text: string }[]
  >`SELECT id, CAST("createdAt" AS TEXT) AS text FROM "Post" WHERE id IN ('by-prisma', 'in-bulk') ORDER BY id`;
  expect(stored[0].text).toBe(stored[1].text);
});

it('keeps booleans, nulls, numbers and awkward text as Prisma reads them', async () => {
  const plan = await t.db.prisma.plan.create({ data: { key: 'P', title: 'P' } });
  const base = { planId: plan.id, section: null, context: null, sourceLocator: null, priority: null };
  const rows = [
    { ...base, id: orderedId(), ref: '1', text: `Quotes ' " and \\ backslash`, agreed: true, position: 0 },
    { ...base, id: orderedId(), ref: '2', text: 'Ünïcødé — “curly” 🚓\nsecond line', agreed: false, position: 1 },
    {
      ...base,
      id: orderedId(),
      ref: '3',
      text: '{"looks": ["like", "json"]}',
      agreed: null,
      position: 2,
      section: 'IMMEDIATE',
    },
  ];
  await insert('Recommendation', rows);
  expect(await t.db.prisma.recommendation.findMany({ orderBy: { position: 'asc' } })).toEqual(rows);
  expect(await t.db.prisma.recommendation.count({ where: { agreed: true } })).toBe(1);
});

it('updates rows by id across statements, adding to the columns it increments', async () => {
  const plan = await t.db.prisma.plan.create({ data: { key: 'U', title: 'U' } });
  const rec = await t.db.prisma.recommendation.create({ data: { planId: plan.id, ref: '1', text: 'R', position: 0 } });
  const n = ROWS_PER_STATEMENT + 2;
  const rows = Array.from({ length: n }, (_, i) => ({
    id: orderedId(),
    planId: plan.id,
    recommendationId: rec.id,
    ref: String(i),
    text: `A${i}`,
    position: i,
  }));
  await t.db.prisma.action.createMany({ data: rows });
  const due = new Date('2015-12-31T00:00:00Z');
  const later = new Date('2015-07-01T09:00:00Z');
  await inTx((db) =>
    db.update(
      'Action',
      rows.map((r, i) => ({ id: r.id, text: `B${i}`, dueDate: i % 2 ? due : null, updatedAt: later, version: i % 2 })),
      ['version'],
    ),
  );
  const stored = await t.db.prisma.action.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
  expect(stored.map((a) => [a.text, a.dueDate, a.updatedAt, a.version])).toEqual(
    rows.map((_, i) => [`B${i}`, i % 2 ? due : null, later, 1 + (i % 2)]),
  );
  expect(await t.db.prisma.action.count({ where: { planId: plan.id, dueDate: due } })).toBe(n / 2);
});

it('writes nothing of a batch the database refuses', async () => {
  const before = await t.db.prisma.post.count();
  const clash = await t.db.prisma.post.findFirstOrThrow();
  await expect(
    insert('Post', [
      { id: orderedId(), name: 'Fresh', createdAt: new Date() },
      { id: orderedId(), name: clash.name, createdAt: new Date() },
    ]),
  ).rejects.toThrow();
  expect(await t.db.prisma.post.count()).toBe(before);
});

it('makes ids that sort in the order they were made', () => {
  const ids = Array.from({ length: 1000 }, orderedId);
  expect([...ids].sort()).toEqual(ids);
  expect(new Set(ids).size).toBe(ids.length);
});
