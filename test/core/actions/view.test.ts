/** The action read model: last update and the number of progress notes, field-change records left out. */
import { listActionViews } from '../../../core/actions/view';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPlan } from '../../helpers/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it('counts progress notes and shows the newest, ignoring status changes, per action', async () => {
  await seedPlan(t.db, {
    key: 'V',
    actions: [
      { ref: '1', updates: [{ at: '2015-03-01', text: 'first' }, { at: '2015-05-01', text: 'newest' }, { at: '2015-04-01', text: 'middle' }] },
      { ref: '2' },
    ],
  });
  const one = await t.db.prisma.action.findFirstOrThrow({ where: { ref: '1' } });
  await t.db.prisma.update.create({ data: { actionId: one.id, at: new Date('2015-06-01T00:00:00Z'), kind: 'status', changes: '{"status":["open","complete"]}' } });
  const ctx = { db: t.db, now: () => new Date('2015-06-02T09:00:00Z'), timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] };
  const [a, b] = await listActionViews(ctx, { plan: { key: 'V' } });
  expect(a).toMatchObject({ ref: '1', updates: 3, lastUpdate: { at: '2015-05-01T00:00:00.000Z', text: 'newest' } });
  expect(b).toMatchObject({ ref: '2', updates: 0, lastUpdate: null });
});
