/** The demo plan loads once, fully, with its posts held by the Agents Playground's users. */
import { listActionViews } from '../../core/actions/view-loader';
import { DEFAULT_RAG_WINDOWS } from '../../core/rag';
import { DEMO_PLAN_KEY, loadDemo, PLAYGROUND_USERS } from '../../prisma/seed/load-demo';
import { createTestDb, type TestDatabase } from '../helpers/db';
import { testClock } from '../helpers/clock';

let t: TestDatabase;
const clock = testClock('2015-06-01T09:00:00Z');
const ctx = () => ({ db: t.db, now: clock.now, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS, adminAadIds: [] });

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

describe('demo data', () => {
  it('loads the BTP plan with every recommendation and action, once', async () => {
    expect(await loadDemo(ctx())).toBe(true);
    expect(await loadDemo(ctx())).toBe(false);
    const plan = await t.db.prisma.plan.findUniqueOrThrow({ where: { key: DEMO_PLAN_KEY }, include: { _count: { select: { recommendations: true, actions: true } } } });
    expect(plan._count).toEqual({ recommendations: 28, actions: 28 });
    expect(await t.db.prisma.person.count()).toBe(PLAYGROUND_USERS.length);
  });

  it('gives every owner post a Playground user, and Alex Wilber the plan-owner post', async () => {
    const views = await listActionViews(ctx(), { plan: { key: DEMO_PLAN_KEY } });
    const unheld = views.flatMap((v) => v.owners).filter((o) => o.holders.length === 0);
    expect(unheld).toEqual([]);
    const plan = await t.db.prisma.plan.findUniqueOrThrow({ where: { key: DEMO_PLAN_KEY }, include: { ownerPost: { include: { holdings: { include: { person: true } } } } } });
    expect(plan.ownerPost?.holdings.map((h) => h.person.displayName)).toEqual(['Alex Wilber']);
  });

  it('has open actions that are red as of mid-2015, with reasons from the rules', async () => {
    const views = await listActionViews(ctx(), { plan: { key: DEMO_PLAN_KEY } });
    const red = views.filter((v) => v.effectiveRag === 'RED');
    expect(red.length).toBeGreaterThan(0);
    for (const v of red) expect(v.reason).toMatch(/overdue since|reported Red/);
    expect(views.filter((v) => v.status === 'complete').every((v) => v.effectiveRag === 'COMPLETE')).toBe(true);
  });
});
