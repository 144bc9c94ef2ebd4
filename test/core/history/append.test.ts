import { appendHistory, appendHistoryMany } from '../../../core/history/append';
import { rowHash, type ChainedRow } from '../../../core/history/chain';
import type { Tx } from '../../../core/db/tx';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPlan } from '../../helpers/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

async function actionsOf(key: string) {
  const plan = await seedPlan(t.db, { key, actions: [{ ref: '1' }, { ref: '2' }] });
  return t.db.prisma.action.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
}

async function chainOf(actionId: string) {
  return t.db.prisma.update.findMany({ where: { actionId }, orderBy: { seq: 'asc' } });
}

function expectChained(rows: (ChainedRow & { hash: string | null })[]) {
  let previous: string | null = null;
  rows.forEach((row, i) => {
    expect(row.seq).toBe(i + 1);
    expect(row.hash).toBe(rowHash(previous, row));
    previous = row.hash;
  });
}

test('rows appended one by one and in bulk form one numbered, hash-chained history per action', async () => {
  const [a, b] = await actionsOf('CHAIN');
  const at = new Date('2026-12-01T10:00:00Z');
  await appendHistory(t.db.prisma as Tx, { actionId: a.id, at, kind: 'progress', text: 'first', authorName: 'Alex' });
  await appendHistoryMany(
    t.db.prisma as Tx,
    t.db.provider,
    [
      {
        actionId: a.id,
        at,
        kind: 'change',
        changes: { text: ['old', 'new'] },
        detail: { source: { file: 'plan.xlsx', row: 4 } },
      },
      { actionId: b.id, at, kind: 'progress', text: 'b first' },
      { actionId: a.id, at, kind: 'progress', text: 'third' },
    ],
    at,
  );
  await appendHistory(t.db.prisma as Tx, { actionId: a.id, at, kind: 'verification', rag: 'COMPLETE' });

  const chainA = await chainOf(a.id);
  expect(chainA.map((r) => r.text ?? r.kind)).toEqual(['first', 'change', 'third', 'verification']);
  expectChained(chainA as (ChainedRow & { hash: string | null })[]);
  expectChained((await chainOf(b.id)) as (ChainedRow & { hash: string | null })[]);
  expect(JSON.parse(chainA[1].detail!)).toEqual({ source: { file: 'plan.xlsx', row: 4 } });
});

test('a second writer appending from the same head is refused instead of forking the chain', async () => {
  const actions = await actionsOf('FORK');
  const at = new Date('2026-12-01T10:00:00Z');
  const tx = t.db.prisma as Tx;
  await appendHistory(tx, { actionId: actions[0].id, at, kind: 'progress', text: 'one' });
  // The same seq again, as a writer that read the head before the first committed would write it.
  const first = (await chainOf(actions[0].id))[0];
  await expect(
    t.db.prisma.update.create({ data: { actionId: actions[0].id, at, kind: 'progress', seq: first.seq, hash: 'x' } }),
  ).rejects.toMatchObject({ code: 'P2002' });
});
