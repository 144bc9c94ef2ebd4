/**
 * The committee's measures are counted two ways, in SQL for the summary answer and in memory for the digest
 * and the board pack: on random actions around every boundary (due today, completed just before and after
 * the promised day's midnight in London, moved dates, risk accepted) the two agree.
 */
import { randomUUID } from 'node:crypto';
import type { CoreContext } from '../../../core/context';
import { measuresOfActions } from '../../../core/query/measures';
import { summarise } from '../../../core/query/summary';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { addDays, dateOnly } from '../../../core/time';
import { testClock } from '../../helpers/clock';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { prng } from '../../helpers/prng';

const TODAY = '2026-07-15';
let t: TestDatabase;
let ctx: CoreContext;

beforeAll(async () => {
  t = await createTestDb();
  ctx = {
    db: t.db,
    now: testClock(`${TODAY}T10:00:00Z`).now,
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };
  const random = prng(23);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const day = () => addDays(TODAY, Math.floor(random() * 61) - 30);
  const plan = await t.db.prisma.plan.create({ data: { key: 'M', title: 'M' } });
  const rec = await t.db.prisma.recommendation.create({ data: { planId: plan.id, ref: '1', text: 'r', position: 0 } });
  await t.db.prisma.action.createMany({
    data: Array.from({ length: 600 }, (_, i) => {
      const status = pick(['open', 'open', 'awaiting_verification', 'complete', 'complete', 'closed']);
      const dueDate = random() < 0.85 ? dateOnly(day()) : null;
      const originalDueDate =
        dueDate && random() < 0.3 ? dateOnly(addDays(dueDate.toISOString().slice(0, 10), -20)) : null;
      const promised = originalDueDate ?? dueDate;
      // Around the promised day's end in London (BST: 23:00 UTC), where a UTC reading would be a day out.
      const completedAt =
        status === 'open' || status === 'closed'
          ? null
          : new Date(
              (promised ?? dateOnly(TODAY)).getTime() +
                pick([-3_600_000, 22 * 3_600_000 + 59 * 60_000, 23 * 3_600_000 + 60_000, 3 * 86_400_000]),
            );
      return {
        id: randomUUID(),
        planId: plan.id,
        recommendationId: rec.id,
        ref: `${i}`,
        text: 'a',
        position: i,
        status,
        dueDate,
        dueText: 'x',
        originalDueDate,
        completedAt,
        outcome:
          status === 'closed' ? pick(['risk_accepted', 'superseded']) : status === 'complete' ? 'implemented' : null,
      };
    }),
  });
});
afterAll(() => t.drop());

it('agree between the summary (SQL) and the digest and board pack (memory)', async () => {
  const rows = await t.db.prisma.action.findMany({
    select: { status: true, outcome: true, completedAt: true, dueDate: true, originalDueDate: true },
  });
  const { measures } = await summarise(ctx, { kind: 'summary' });
  expect(measures).toEqual(measuresOfActions(rows, TODAY, ctx.timeZone));
  // Random data that left a measure empty would prove little.
  expect(measures.onTimePercent).toBeGreaterThan(0);
  expect(measures.onTimePercent).toBeLessThan(100);
  expect(measures.averageDaysOverdue).toBeGreaterThan(0);
  expect(measures.riskAccepted).toBeGreaterThan(0);
});
