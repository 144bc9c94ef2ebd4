/**
 * ragIs is the RAG rules in SQL: on random actions crowded around every boundary (due today, due
 * in exactly the due-soon window, quiet for exactly the windows, updates just before and after
 * midnight), each condition selects exactly the actions effectiveRag rates that colour.
 */
import { randomUUID } from 'node:crypto';
import { ragColumns, ragOf } from '../../../core/actions/view';
import { RAGS } from '../../../core/domain';
import { DEFAULT_RAG_WINDOWS, type RagWindows } from '../../../core/rag';
import { ragIs } from '../../../core/store/action-filter';
import { addDays, dateOnly } from '../../../core/time';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { prng } from '../../helpers/prng';

const TODAY = '2026-11-24';
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDb();
  const random = prng(8);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const day = () => addDays(TODAY, Math.floor(random() * 81) - 40);
  // Around midnight UTC, where a date-only rule and a timestamp column could disagree by a day.
  const instant = () => new Date(dateOnly(day()).getTime() + pick([0, 1, 60_000, 43_200_000, 86_399_999]));
  const plan = await t.db.prisma.plan.create({ data: { key: 'P', title: 'P' } });
  const rec = await t.db.prisma.recommendation.create({ data: { planId: plan.id, ref: '1', text: 'r', position: 0 } });
  await t.db.prisma.action.createMany({
    data: Array.from({ length: 2000 }, (_, i) => {
      const status = pick(['open', 'open', 'open', 'open', 'awaiting_verification', 'complete', 'closed']);
      // Closed with every outcome, and without one (as an import may leave it).
      const outcome =
        status === 'closed'
          ? pick(['risk_accepted', 'risk_accepted', 'superseded', null])
          : status === 'complete'
            ? 'implemented'
            : null;
      const lastUpdateAt = random() < 0.6 ? instant() : null;
      return {
        id: randomUUID(),
        planId: plan.id,
        recommendationId: rec.id,
        ref: `${i}`,
        text: 'a',
        position: i,
        status,
        dueDate: random() < 0.8 ? dateOnly(day()) : null,
        dueText: 'x',
        reportedRag: pick([null, null, 'RED', 'AMBER', 'GREEN']),
        reportedRagAt: lastUpdateAt,
        completedAt: status === 'open' ? null : instant(),
        outcome,
        reviewDate: outcome === 'risk_accepted' ? dateOnly(day()) : null,
        lastUpdateAt,
        createdAt: instant(),
      };
    }),
  });
});
afterAll(() => t.drop());

const windows: [string, RagWindows][] = [
  ['the default windows', DEFAULT_RAG_WINDOWS],
  ['other windows', { dueSoonDays: 7, dueSoonQuietDays: 10, staleDays: 20 }],
];

it.each(windows)('selects exactly the actions effectiveRag rates each colour, with %s', async (_, ragWindows) => {
  const rows = await t.db.prisma.action.findMany({ select: { id: true, ...ragColumns } });
  for (const rag of RAGS) {
    const expected = rows.filter((r) => ragOf(r, TODAY, { ragWindows }).rag === rag).map((r) => r.id);
    const selected = await t.db.store
      .selectFrom('Action as a')
      .where(ragIs(rag, TODAY, ragWindows))
      .select('a.id')
      .execute();
    expect({ rag, ids: selected.map((r) => r.id).sort() }).toEqual({ rag, ids: expected.sort() });
    // Random data that never rated an action this colour would prove nothing.
    expect(expected.length).toBeGreaterThan(20);
  }
});
