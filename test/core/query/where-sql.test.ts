/**
 * actionWhere writes a Prisma action filter as a store condition: for random questions' filters (colours, statuses,
 * overdue, due windows, stale, plans, owners both as id lists and as Prisma's EXISTS) over random actions,
 * the SQL selects exactly what Prisma selects.
 */
import { randomUUID } from 'node:crypto';
import { ownedBy } from '../../../core/actions/owned';
import { RAGS } from '../../../core/domain';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { filterWhere } from '../../../core/query/list';
import type { Scope } from '../../../core/query/scope';
import type { ListFilter } from '../../../core/query/types';
import { actionWhere } from '../../../core/query/where-sql';
import { addDays, dateOnly } from '../../../core/time';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { prng } from '../../helpers/prng';

const TODAY = '2026-11-24';
const random = prng(21);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const some = <T>(xs: readonly T[]): T[] => xs.filter(() => random() < 0.4);
let t: TestDatabase;
let planIds: string[];
let postIds: string[];

beforeAll(async () => {
  t = await createTestDb();
  const day = () => addDays(TODAY, Math.floor(random() * 81) - 40);
  const instant = () => new Date(dateOnly(day()).getTime() + pick([0, 1, 43_200_000, 86_399_999]));
  const plans = await Promise.all(['P1', 'P2', 'P3'].map((key) => t.db.prisma.plan.create({ data: { key, title: key } })));
  planIds = plans.map((p) => p.id);
  const posts = await Promise.all(['A', 'B', 'C', 'D', 'E', 'F'].map((name) => t.db.prisma.post.create({ data: { name } })));
  postIds = posts.map((p) => p.id);
  const recs = await Promise.all(plans.map((p) => t.db.prisma.recommendation.create({ data: { planId: p.id, ref: '1', text: 'r', position: 0 } })));
  const actions = Array.from({ length: 900 }, (_, i) => {
    const status = pick(['open', 'open', 'open', 'awaiting_verification', 'complete']);
    const lastUpdateAt = random() < 0.6 ? instant() : null;
    const plan = i % 3;
    return {
      id: randomUUID(),
      planId: planIds[plan],
      recommendationId: recs[plan].id,
      ref: `${i}`,
      text: 'a',
      position: i,
      status,
      dueDate: random() < 0.8 ? dateOnly(day()) : null,
      reportedRag: pick([null, null, 'RED', 'AMBER', 'GREEN']),
      reportedRagAt: lastUpdateAt,
      completedAt: status === 'open' ? null : instant(),
      lastUpdateAt,
      createdAt: instant(),
    };
  });
  await t.db.prisma.action.createMany({ data: actions });
  await t.db.prisma.actionOwner.createMany({
    data: actions.flatMap((a) => [...new Set([pick(postIds), pick(postIds)])].map((postId, position) => ({ actionId: a.id, postId, position }))),
  });
});
afterAll(() => t.drop());

const ctx = () => ({ db: t.db, ragWindows: DEFAULT_RAG_WINDOWS });

/** A filter such as a question makes, with its resolved scope. */
async function randomFilter(): Promise<{ filter: ListFilter; scope: Scope }> {
  const filter: ListFilter = {};
  const rags = some(RAGS);
  if (rags.length) filter.rag = rags;
  if (random() < 0.2) filter.status = [pick(['open', 'awaiting_verification', 'complete'] as const)];
  if (random() < 0.2) filter.overdue = true;
  if (random() < 0.3) filter.due = pick([{ range: 'this-month' as const }, { range: 'next-week' as const }, { days: 14 }, { from: addDays(TODAY, -10), to: addDays(TODAY, 5) }, { to: TODAY }]);
  if (random() < 0.2) filter.stale = random() < 0.5 ? {} : { days: 10 };
  const scope: Scope = { labels: {} };
  if (random() < 0.4) scope.planIds = some(planIds);
  if (random() < 0.4) {
    filter.owner = { post: 'A' };
    // Both of ownedBy's forms: the owned actions' ids, and (over its limit) Prisma's EXISTS on owners.
    scope.owned = await ownedBy(ctx(), some(postIds), random() < 0.5 ? 5_000 : 0);
  }
  return { filter, scope };
}

it('selects exactly what Prisma selects, for 250 random question filters', async () => {
  let nonEmpty = 0;
  for (let i = 0; i < 250; i++) {
    const { filter, scope } = await randomFilter();
    const { where } = filterWhere(filter, scope, TODAY, ctx());
    const viaPrisma = (await t.db.prisma.action.findMany({ where, select: { id: true } })).map((r) => r.id).sort();
    const viaSql = (await t.db.store.selectFrom('Action as a').where(actionWhere(where)).select('a.id').execute()).map(({ id }) => id).sort();
    expect({ filter, scope, ids: viaSql }).toEqual({ filter, scope, ids: viaPrisma });
    if (viaPrisma.length > 0) nonEmpty++;
  }
  // Filters that all matched nothing would prove nothing.
  expect(nonEmpty).toBeGreaterThan(100);
});

it('binds every value as a parameter', () => {
  const { sql, parameters } = t.db.store.selectFrom('Action as a').where(actionWhere({ status: 'open', planId: { in: planIds.slice(0, 1) } })).select('a.id').compile();
  expect(sql).toMatch(/where \("a"\."status" = (\$1|\?)\) AND \("a"\."planId" IN \((\$2|\?)\)\)$/);
  expect(parameters).toEqual(['open', planIds[0]]);
});

it('refuses what it cannot write, rather than misreading it', () => {
  expect(() => actionWhere({ text: { contains: 'x' } })).toThrow('where-sql: "contains" is not supported');
  expect(() => actionWhere({ owners: { every: { postId: 'x' } } })).toThrow('only "some" is supported on owners');
  expect(() => actionWhere({ NOT: { status: 'open' } })).toThrow();
});
