/** Suggested questions are ones with an answer in this database: never one that answers "0 actions". */
import type { CoreContext } from '../../../core/context';
import { answerableQuestions } from '../../../core/query/suggest';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { testClock } from '../../helpers/clock';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPlan } from '../../helpers/fixtures';

let t: TestDatabase;
let ctx: CoreContext;
beforeAll(async () => {
  t = await createTestDb();
  ctx = {
    db: t.db,
    now: testClock('2026-12-07T09:00:00Z').now,
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };
});
afterAll(() => t.drop());

test('an empty database has nothing to suggest', async () => {
  expect(await answerableQuestions(ctx, ["what's red?"], { count: 3 })).toEqual([]);
});

test('questions with answers are offered first-given first; those without are left out', async () => {
  await seedPlan(t.db, {
    key: 'P',
    createdAt: '2026-11-01',
    actions: [
      {
        ref: '1',
        owners: ['Head of Quiet'],
        due: '2027-06-30',
        createdAt: '2026-11-01',
        updates: [{ at: '2026-12-01', text: 'fine' }],
      },
      { ref: '2', owners: ['Head of Loud'], due: '2026-11-20', createdAt: '2026-11-01' },
    ],
  });
  const offered = await answerableQuestions(
    ctx,
    ['red actions for the Head of Quiet', 'red actions for the Head of Loud'],
    { count: 3 },
  );
  expect(offered).toEqual(['red actions for the Head of Loud', "what's red?", "what's overdue?"]);
});
