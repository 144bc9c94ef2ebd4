/**
 * History is append-only in the database (a trigger on each) and `verify-history` finds a row altered or
 * removed behind Chaser's back, by someone who turned the trigger off.
 */
import { runCliOn } from '../../helpers/cli';
import { sealLegacyHistory } from '../../../core/history/seal';
import { createTestDb, withHistoryUnlocked, type TestDatabase } from '../../helpers/db';
import { seedPlan } from '../../helpers/fixtures';
import { testClock } from '../../helpers/clock';

let t: TestDatabase;
const clock = testClock('2026-12-05T09:00:00Z');

const cli = (...argv: string[]) => runCliOn(t.url, clock.now, argv);

const updates = [
  { at: '2026-11-01', text: 'Drafted' },
  { at: '2026-11-15', text: 'Consulted' },
  { at: '2026-12-01', text: 'Agreed' },
];

async function historyOf(key: string, ref: string) {
  const action = await t.db.prisma.action.findFirstOrThrow({ where: { ref, plan: { key } } });
  return t.db.prisma.update.findMany({ where: { actionId: action.id }, orderBy: { seq: 'asc' } });
}

/** The database's own words for a refused write (Prisma's SQLite adapter files a trigger's under another name). */
async function refusal(write: Promise<unknown>): Promise<string> {
  const err = await write.then(
    () => null,
    (e: { message: string; meta?: { driverAdapterError?: { cause?: { originalMessage?: string } } } }) => e,
  );
  if (!err) throw new Error('the write was not refused');
  return err.meta?.driverAdapterError?.cause?.originalMessage ?? err.message;
}
const CHANGED = 'history is append-only: an Update row cannot be changed';
const DELETED = 'history is append-only: an Update row cannot be deleted';

beforeAll(async () => {
  t = await createTestDb();
  await seedPlan(t.db, {
    key: 'KEEP',
    actions: [
      { ref: '1', updates },
      { ref: '2', updates },
    ],
  });
  await seedPlan(t.db, {
    key: 'EDIT',
    actions: [
      { ref: '1', updates },
      { ref: '2', updates },
    ],
  });
});
afterAll(() => t.drop());

describe('the database keeps history append-only', () => {
  it('refuses to change or delete a history row, and so to delete an action or plan that has history', async () => {
    const [row] = await historyOf('KEEP', '1');
    expect(await refusal(t.db.prisma.update.update({ where: { id: row.id }, data: { text: 'Rewritten' } }))).toContain(
      CHANGED,
    );
    expect(await refusal(t.db.prisma.update.delete({ where: { id: row.id } }))).toContain(DELETED);
    expect(await refusal(t.db.prisma.plan.delete({ where: { key: 'KEEP' } }))).toContain(DELETED);
    expect((await historyOf('KEEP', '1')).map((r) => r.text)).toEqual(['Drafted', 'Consulted', 'Agreed']);
  });

  it('lets a row written before the chain existed gain its place in it, and nothing else', async () => {
    const [first] = await historyOf('KEEP', '2');
    const legacy = await t.db.prisma.update.create({
      data: { actionId: first.actionId, at: new Date('2026-12-02T00:00:00Z'), kind: 'progress', text: 'Old note' },
    });
    expect(await refusal(t.db.prisma.update.update({ where: { id: legacy.id }, data: { text: 'Changed' } }))).toContain(
      CHANGED,
    );
    expect(await sealLegacyHistory(t.db)).toBe(1);
    expect((await historyOf('KEEP', '2')).map((r) => [r.seq, r.text])).toEqual([
      [1, 'Drafted'],
      [2, 'Consulted'],
      [3, 'Agreed'],
      [4, 'Old note'],
    ]);
    expect(await refusal(t.db.prisma.update.update({ where: { id: legacy.id }, data: { seq: 9 } }))).toContain(CHANGED);
  });
});

describe('verify-history', () => {
  it('reports every chain intact when nothing was touched', async () => {
    const r = await cli('verify-history');
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['13 history entries of 4 actions: all intact']);
  });

  it("names the entry changed and the entry removed behind Chaser's back, and only in the plan asked about", async () => {
    const [, second] = await historyOf('EDIT', '1');
    const [, middle] = await historyOf('EDIT', '2');
    await withHistoryUnlocked(t.db, async () => {
      await t.db.prisma.update.update({ where: { id: second.id }, data: { text: 'Consulted widely' } });
      await t.db.prisma.update.delete({ where: { id: middle.id } });
    });

    const r = await cli('verify-history', '--plan', 'edit');
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      '5 history entries of 2 actions in EDIT: 2 actions altered',
      'EDIT-1: history entry 2 (15 Nov 2026) was changed after it was written',
      'EDIT-2: history entry 2 is missing (removed from the database)',
    ]);
    expect((await cli('verify-history', '--plan', 'KEEP')).code).toBe(0);
    expect((await cli('verify-history', '--plan', 'NOPE')).err).toEqual(['There is no plan NOPE.']);
  });
});
