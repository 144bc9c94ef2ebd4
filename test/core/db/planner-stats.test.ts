/**
 * SQLite's planner statistics are gathered by Chaser itself (PostgreSQL's autovacuum does its own):
 * after an import and by the nightly job, which also runs at start.
 */
import { importPlanFile } from '../../../core/import/import-file';
import { JOBS } from '../../../jobs';
import { createTestDb, testProvider, type TestDatabase } from '../../helpers/db';
import { seedPlan } from '../../helpers/fixtures';

const sqlite = testProvider() === 'sqlite';
let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(() => t.drop());

/** Tables SQLite holds statistics for (sqlite_stat1 exists only once ANALYZE has run). */
async function analysedTables(): Promise<string[]> {
  const exists = await t.db.prisma.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'`,
  );
  if (!exists.length) return [];
  const rows = await t.db.prisma.$queryRawUnsafe<{ tbl: string }[]>('SELECT DISTINCT tbl FROM sqlite_stat1');
  return rows.map((r) => r.tbl);
}

(sqlite ? it : it.skip)('gathers statistics once a plan is imported', async () => {
  expect(await analysedTables()).toEqual([]);
  const csv = [
    'TEST IMPROVEMENT PLAN',
    'Ref,Area for Improvement,Action Owner,Due Date,RAG Status',
    '1,Deliver a clear message on integrity,Deputy Chief Constable,01-Mar-15,G',
  ].join('\n');
  const result = await importPlanFile(
    { db: t.db, now: () => new Date('2015-06-01T09:00:00Z') },
    Buffer.from(csv),
    'plan.csv',
    { planKey: 'TEST', maxBytes: 1_000_000 },
  );
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  expect(await analysedTables()).toEqual(expect.arrayContaining(['Plan', 'Action', 'ActionOwner']));
});

it('has a nightly job that refreshes them (a no-op on PostgreSQL)', async () => {
  const job = JOBS.find((j) => j.name === 'planner-stats')!;
  expect(job.schedule).toBe('23 3 * * *');
  await seedPlan(t.db, { key: 'BTP', actions: [{ ref: '1', owners: ['Head of Contact Management'] }] });
  await expect(job.run({ core: { db: t.db } } as Parameters<typeof job.run>[0])).resolves.toBeUndefined();
  if (sqlite) expect(await analysedTables()).toEqual(expect.arrayContaining(['Action', 'Plan']));
});
