/**
 * `npm run chaser -- plan archive KEY`: the plan keeps its record (history, export) but leaves questions,
 * reminders and digests; `plan restore KEY` follows it again.
 */
import { runCliText } from '../helpers/cli';
import type { CoreContext } from '../../core/context';
import { computeDigest } from '../../core/digest/compute';
import { exportPlan } from '../../core/export/export-plan';
import { parseQuestion } from '../../core/query';
import { loadLexicon } from '../../core/query/lexicon-source';
import { runQuery } from '../../core/query/run';
import { DEFAULT_RAG_WINDOWS } from '../../core/rag';
import { decideReminders } from '../../core/reminders/decide';
import { testClock } from '../helpers/clock';
import { createTestDb, type TestDatabase } from '../helpers/db';
import { seedPerson, seedPlan } from '../helpers/fixtures';

let t: TestDatabase;
let ctx: CoreContext;
let boardId: string;
const clock = testClock('2015-06-08T09:30:00Z');

const cli = (...argv: string[]) => runCliText(t.url, clock.now, argv);

beforeAll(async () => {
  t = await createTestDb();
  ctx = { db: t.db, now: clock.now, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] };
  const plan = await seedPlan(t.db, {
    key: 'BTP-CDI',
    createdAt: '2015-01-01',
    actions: [
      {
        ref: '7',
        text: 'Issue guidance',
        owners: ['FCR'],
        due: '2015-05-01',
        updates: [{ at: '2015-05-20', text: 'Drafted' }],
      },
    ],
  });
  await seedPerson(t.db, { displayName: 'Adele Vance', teamsUserId: 'user-adele', posts: ['FCR'] });
  const board = await t.db.prisma.board.create({
    data: { key: 'ICB', name: 'ICB', plans: { create: { planId: plan.id } } },
  });
  boardId = board.id;
});
afterAll(() => t.drop());

const redRefs = async () => {
  const result = await runQuery(ctx, parseQuestion("what's red?", await loadLexicon(ctx), ctx.now()), { pageSize: 10 });
  return result.kind === 'list' ? result.actions.map((a) => a.displayRef) : [];
};
/** Everything the day's sweep would chase, delivered or not (the owner here has no chat with Chaser yet). */
const owedToday = async () => {
  const d = await decideReminders(ctx, { reminderTime: '09:00' });
  return [
    ...d.cards.map((c) => c.items.length),
    ...d.undeliverable.map((u) => u.items),
    ...d.waiting.map((w) => w.items),
  ].reduce((a, b) => a + b, 0);
};

it('takes an archived plan out of questions, reminders and digests, keeps its record, and restores it', async () => {
  expect(await redRefs()).toEqual(['BTP-CDI-7']);
  expect(await owedToday()).toBe(1);

  const archived = await cli('plan', 'archive', 'btp-cdi');
  expect(archived).toMatchObject({ code: 0, out: expect.stringContaining('BTP-CDI archived 8 Jun 2015') });
  expect(await redRefs()).toEqual([]);
  expect(await owedToday()).toBe(0);
  expect((await computeDigest(ctx, boardId, clock.now())).counts.RED).toBe(0);
  expect((await cli('plans')).out).toContain('archived 2015-06-08');
  // Its record stays: history and the board pack.
  expect(await t.db.prisma.update.count({ where: { action: { plan: { key: 'BTP-CDI' } } } })).toBeGreaterThan(0);
  expect((await exportPlan(ctx, 'BTP-CDI', 'csv'))!.toString()).toContain('Issue guidance');

  expect(await cli('plan', 'restore', 'BTP-CDI')).toMatchObject({
    code: 0,
    out: expect.stringContaining('followed again'),
  });
  expect(await redRefs()).toEqual(['BTP-CDI-7']);
  expect((await computeDigest(ctx, boardId, clock.now())).counts.RED).toBe(1);
});

it('names a plan that does not exist', async () => {
  expect(await cli('plan', 'archive', 'NOPE')).toMatchObject({
    code: 1,
    err: expect.stringContaining('There is no plan NOPE.'),
  });
});
