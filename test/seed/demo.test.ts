/**
 * The demo plan loads once, moved so that today is in the middle of its life: whatever day a newcomer
 * starts it, Alex Wilber (the Playground's "you") has work in every state and the first questions and
 * digest have something to show.
 */
import { actionViews } from '../../core/actions/view-loader';
import { inPlanKeyed } from '../../core/store/action-filter';
import type { CoreContext } from '../../core/context';
import { computeDigest } from '../../core/digest/compute';
import { loadLexicon } from '../../core/query/lexicon-source';
import { parseQuestion } from '../../core/query/parse';
import { runQuery, type QueryResult } from '../../core/query/run';
import { DEFAULT_RAG_WINDOWS } from '../../core/rag';
import { ownerLoopMessages } from '../../cards/owner-loop-messages';
import { DEMO_PLAN_KEY, loadDemo, PLAYGROUND_USERS } from '../../prisma/seed/load-demo';
import { createTestDb, type TestDatabase } from '../helpers/db';
import { testClock } from '../helpers/clock';

const ALEX = PLAYGROUND_USERS[0];

describe.each([
  ['a Monday morning', '2026-12-07T09:00:00Z'],
  ['a Saturday in summer time', '2027-07-03T15:00:00Z'],
])('the demo started on %s', (_when, now) => {
  let t: TestDatabase;
  let ctx: CoreContext;
  beforeAll(async () => {
    t = await createTestDb();
    ctx = {
      db: t.db,
      now: testClock(now).now,
      timeZone: 'Europe/London',
      ragWindows: DEFAULT_RAG_WINDOWS,
      adminAadIds: [],
    };
    expect(await loadDemo(ctx, ownerLoopMessages)).toBe(true);
  });
  afterAll(() => t.drop());

  const ask = async (question: string) =>
    runQuery(ctx, parseQuestion(question, await loadLexicon(ctx), ctx.now()), {
      asker: { aadObjectId: ALEX.aadObjectId, teamsUserId: ALEX.teamsUserId },
      pageSize: 50,
    });
  const refs = (r: QueryResult) => (r.kind === 'list' ? r.actions.map((a) => a.ref) : []);

  it('loads the whole plan once, every owner post held by a Playground user', async () => {
    expect(await loadDemo(ctx, ownerLoopMessages)).toBe(false);
    const plan = await t.db.prisma.plan.findUniqueOrThrow({
      where: { key: DEMO_PLAN_KEY },
      include: {
        _count: { select: { recommendations: true, actions: true } },
        ownerPost: { include: { holdings: { include: { person: true } } } },
      },
    });
    expect(plan._count).toEqual({ recommendations: 28, actions: 28 });
    expect(plan.ownerPost?.holdings.map((h) => h.person.displayName)).toEqual(['Alex Wilber']);
    expect(await t.db.prisma.person.count()).toBe(PLAYGROUND_USERS.length);
    const views = await actionViews(ctx, { where: inPlanKeyed(DEMO_PLAN_KEY), order: 'plan' });
    expect(views.flatMap((v) => v.owners).filter((o) => o.holders.length === 0)).toEqual([]);
  });

  it('keeps the plan’s way of writing dates, moved with the plan', async () => {
    const views = await actionViews(ctx, { where: inPlanKeyed(DEMO_PLAN_KEY), order: 'plan' });
    const dated = views.filter((v) => v.duePrecision === 'day');
    expect(dated.length).toBeGreaterThan(10);
    for (const v of dated) {
      expect(v.dueText).toMatch(/^\d{2}-[A-Z][a-z]{2}-\d{2}$/);
      const [d, mon, yy] = v.dueText!.split('-');
      expect(new Date(`${d} ${mon} 20${yy} UTC`).toISOString().slice(0, 10)).toBe(v.due);
    }
  });

  it('has every colour, due-soon work, and something changed this week', async () => {
    const views = await actionViews(ctx, { where: inPlanKeyed(DEMO_PLAN_KEY), order: 'plan' });
    const colours = new Set(views.map((v) => v.effectiveRag));
    expect([...colours].sort()).toEqual(['AMBER', 'COMPLETE', 'GREEN', 'RED']);
    expect(refs(await ask('due in the next 14 days')).length).toBeGreaterThan(0);
    const changes = await ask('what changed this week?');
    expect(changes.kind === 'changes' && changes.updateTotal).toBeGreaterThan(0);
    expect(refs(await ask('what is awaiting verification?'))).toContain('13');
  });

  it('gives Alex an action in each state: red, amber, green and due soon, completed this week', async () => {
    const mine = await ask('my actions');
    expect(mine.kind).toBe('list');
    const rags = new Set(mine.kind === 'list' ? mine.actions.map((a) => a.effectiveRag) : []);
    expect(rags).toEqual(new Set(['RED', 'AMBER', 'GREEN']));
    const views = await actionViews(ctx, { where: inPlanKeyed(DEMO_PLAN_KEY), order: 'plan' });
    const byRef = new Map(views.map((v) => [v.ref, v]));
    expect(byRef.get('National 9')).toMatchObject({ effectiveRag: 'GREEN' });
    expect(refs(await ask('my actions due in the next 14 days'))).toContain('National 9');
    expect(byRef.get('13')).toMatchObject({ status: 'awaiting_verification' });
    expect(byRef.get('11')).toMatchObject({ status: 'complete' });
  });

  it('posts a first digest of several colours, with this week’s completion', async () => {
    const board = await t.db.prisma.board.findUniqueOrThrow({ where: { key: 'ICB' } });
    const digest = await computeDigest(ctx, board.id, ctx.now());
    const colours = Object.entries(digest.counts)
      .filter(([, n]) => n > 0)
      .map(([rag]) => rag);
    expect(colours.length).toBeGreaterThanOrEqual(3);
    const section = (key: string) => digest.sections.find((s) => s.key === key)?.rows.map((r) => r.ref) ?? [];
    expect(section('done')).toContain('BTP-CDI-11');
    expect(section('awaitingVerification')).toContain('BTP-CDI-13');
    expect(section('dueSoon').length).toBeGreaterThan(0);
  });
});
