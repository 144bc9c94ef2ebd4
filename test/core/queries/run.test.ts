/** Every kind of query against a seeded world with a fixed clock (Wednesday 20 November 2024). */
import type { CoreContext } from '../../../core/context';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { runQuery, type QueryResult, type RunOptions } from '../../../core/query/run';
import { actionViews } from '../../../core/actions/view-loader';
import { everyAction } from '../../../core/store/action-filter';
import type { ListFilter, Query } from '../../../core/query';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPerson } from '../../helpers/fixtures';
import { testClock } from '../../helpers/clock';
import { ALEX } from '../../helpers/activities';
import { NOW, seedQuestionWorld } from './questions.fixture';

let t: TestDatabase;
let ctx: CoreContext;
let ids: Awaited<ReturnType<typeof seedQuestionWorld>>;

beforeAll(async () => {
  t = await createTestDb();
  ctx = {
    db: t.db,
    now: testClock(NOW).now,
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };
  ids = await seedQuestionWorld(t.db);
});
afterAll(() => t.drop());

const asker = { aadObjectId: ALEX.aadObjectId, teamsUserId: ALEX.id };
const run = <K extends QueryResult['kind']>(q: Query & { kind: K }, opts: RunOptions = {}) =>
  runQuery(ctx, q, { asker, ...opts }) as Promise<Extract<QueryResult, { kind: K }>>;
const list = (filter: ListFilter, opts: RunOptions = {}) => run({ kind: 'list', filter, tagOwners: false }, opts);
const refs = (r: { actions: { displayRef: string }[] }) => r.actions.map((a) => a.displayRef);

describe('list', () => {
  it.each<[string, ListFilter, string[]]>([
    ['red (overdue counts even when reported green)', { rag: ['RED'] }, ['BTP-CDI-1', 'BTP-CDI-2', 'NCRS-1']],
    ['amber (due soon and quiet, or stale)', { rag: ['AMBER'] }, ['BTP-CDI-3', 'BTP-CDI-7']],
    ['green', { rag: ['GREEN'] }, ['BTP-CDI-4', 'NCRS-12A']],
    ['complete (awaiting verification included)', { rag: ['COMPLETE'] }, ['BTP-CDI-5', 'BTP-CDI-6']],
    ['red or amber', { rag: ['RED', 'AMBER'] }, ['BTP-CDI-1', 'BTP-CDI-2', 'BTP-CDI-3', 'BTP-CDI-7', 'NCRS-1']],
    ['status awaiting verification', { status: ['awaiting_verification'] }, ['BTP-CDI-6']],
    ['overdue', { overdue: true }, ['BTP-CDI-1', 'NCRS-1']],
    ['due this week (open only)', { due: { range: 'this-week' } }, ['BTP-CDI-3']],
    ['due in the next 14 days', { due: { days: 14 } }, ['BTP-CDI-3']],
    ['due in December', { due: { from: '2024-12-01', to: '2024-12-31' } }, ['NCRS-12A']],
    ['due by a date', { due: { to: '2024-12-31' } }, ['BTP-CDI-3', 'NCRS-12A']],
    ['stale (default 30 days)', { stale: {} }, ['BTP-CDI-3', 'BTP-CDI-7', 'NCRS-1']],
    ['no update for 5 days', { stale: { days: 5 } }, ['BTP-CDI-1', 'BTP-CDI-3', 'BTP-CDI-7', 'NCRS-1']],
    ['owner post', { owner: { post: 'Head of Contact Management' } }, ['BTP-CDI-1', 'BTP-CDI-3']],
    ['a person: open actions of posts they hold', { owner: { personId: 'megan' } }, ['BTP-CDI-4', 'NCRS-12A']],
    [
      'me: open actions of my posts and those of people I cover for',
      { owner: { me: true } },
      ['BTP-CDI-1', 'BTP-CDI-3', 'BTP-CDI-4', 'NCRS-12A'],
    ],
    [
      'an owner with a status named: what they completed',
      { owner: { personId: 'megan' }, status: ['complete'] },
      ['BTP-CDI-5'],
    ],
    ['plan', { plan: 'NCRS' }, ['NCRS-1', 'NCRS-12A']],
    ['board', { rag: ['RED'], board: 'ICB' }, ['BTP-CDI-1', 'BTP-CDI-2']],
    [
      'everything combined',
      { rag: ['RED'], overdue: true, owner: { post: 'Head of Contact Management' }, plan: 'BTP-CDI' },
      ['BTP-CDI-1'],
    ],
    ['amber for an owner', { rag: ['AMBER'], owner: { post: 'Head of SDD' } }, ['BTP-CDI-7']],
    ['a plan nobody has', { plan: 'NOPE' }, []],
  ])('%s', async (_name, filter, expected) => {
    const resolved =
      filter.owner && 'personId' in filter.owner ? { ...filter, owner: { personId: ids.megan.id } } : filter;
    const result = await list(resolved, { pageSize: 20 });
    expect(refs(result)).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });

  it('gives effective RAG with the reason, saying when overdue overrides the owner', async () => {
    const [one] = (await list({ rag: ['RED'], plan: 'BTP-CDI' })).actions;
    expect(one).toMatchObject({
      effectiveRag: 'RED',
      reportedRag: 'GREEN',
      reason: 'reported Green 15 Nov 2024 but overdue since 2 Oct 2024',
    });
    expect(one.owners[0].holders.map((h) => h.displayName)).toEqual(['Alex Wilber']);
  });

  it('resolves names and windows for the card', async () => {
    expect(await list({ overdue: true, owner: { me: true }, plan: 'BTP-CDI' })).toMatchObject({
      labels: { owner: 'you', plan: 'BTP-CDI' },
      total: 1,
    });
    expect(await list({ due: { range: 'this-week' }, stale: {} })).toMatchObject({
      due: { from: '2024-11-18', to: '2024-11-24' },
      staleDays: 30,
    });
  });

  it('lists the actions of any of several owners, named together on the card', async () => {
    const either = await list(
      { owner: { any: [{ personId: ids.megan.id }, { post: 'Head of Contact Management' }] } },
      { pageSize: 20 },
    );
    expect(refs(either)).toEqual(['BTP-CDI-1', 'BTP-CDI-3', 'BTP-CDI-4', 'NCRS-12A']);
    expect(either.labels.owner).toBe('Megan Bowen or Head of Contact Management');
  });

  it('names people who share a name once, with how many', async () => {
    const namesake = await seedPerson(t.db, { displayName: 'Megan Bowen', posts: ['Head of Contact Management'] });
    const both = await list(
      { owner: { any: [{ personId: ids.megan.id }, { personId: namesake.id }] } },
      { pageSize: 20 },
    );
    expect(refs(both)).toEqual(['BTP-CDI-1', 'BTP-CDI-3', 'BTP-CDI-4', 'NCRS-12A']);
    expect(both.labels.owner).toBe('Megan Bowen (2 people)');
    await t.db.prisma.postHolding.deleteMany({ where: { personId: namesake.id } });
    await t.db.prisma.person.delete({ where: { id: namesake.id } });
  });

  it('pages in plan order, counting every match (SQL path and in-memory path)', async () => {
    const red = [await list({ rag: ['RED'] }, { pageSize: 2 }), await list({ rag: ['RED'] }, { pageSize: 2, page: 1 })];
    expect(red.map(refs)).toEqual([['BTP-CDI-1', 'BTP-CDI-2'], ['NCRS-1']]);
    expect(red.map((r) => r.total)).toEqual([3, 3]);
    // A page that starts inside one plan and runs into the next.
    const quiet = await list({ stale: { days: 5 } }, { pageSize: 2, page: 1 });
    expect([refs(quiet), quiet.total]).toEqual([['BTP-CDI-7', 'NCRS-1'], 4]);
    expect(refs(await list({ stale: { days: 5 } }, { pageSize: 2, page: 2 }))).toEqual([]);
    const amber = await list({ rag: ['AMBER'] }, { pageSize: 1, page: 1 });
    expect([refs(amber), amber.total]).toEqual([['BTP-CDI-7'], 2]);
  });

  it("without a known asker, 'me' matches nothing", async () => {
    const result = await runQuery(
      ctx,
      { kind: 'list', filter: { owner: { me: true } }, tagOwners: false },
      { asker: { teamsUserId: 'nobody' } },
    );
    expect(result).toMatchObject({ total: 0, actions: [] });
  });

  it('agrees with the RAG rules over every action for each RAG (the SQL prefilters lose nothing)', async () => {
    const all = await actionViews(ctx, { where: everyAction, order: 'plan' });
    for (const rag of ['RED', 'AMBER', 'GREEN', 'COMPLETE'] as const) {
      const expected = all.filter((v) => v.effectiveRag === rag).map((v) => v.displayRef);
      expect(refs(await list({ rag: [rag] }, { pageSize: 50 }))).toEqual(expected);
    }
  });
});

describe('item and recommendation', () => {
  it('finds an action by plan and ref, in any case', async () => {
    const r = await run({ kind: 'item', plan: 'NCRS', ref: '12a', history: false });
    expect(r).toMatchObject({
      asked: 'NCRS-12a',
      candidates: [],
      action: { displayRef: 'NCRS-12A', effectiveRag: 'GREEN' },
    });
    expect(r.history).toBeUndefined();
  });

  it('lists the plans that have a ref when none was named', async () => {
    expect(await run({ kind: 'item', ref: '1', history: false })).toMatchObject({
      action: null,
      candidates: ['BTP-CDI-1', 'NCRS-1'],
    });
    expect(await run({ kind: 'item', ref: '12a', history: false })).toMatchObject({
      action: { displayRef: 'NCRS-12A' },
    });
    expect(await run({ kind: 'item', plan: 'BTP-CDI', ref: '99', history: false })).toMatchObject({
      action: null,
      candidates: [],
    });
  });

  it('gives the history newest first, field changes included', async () => {
    const r = await run({ kind: 'item', plan: 'BTP-CDI', ref: '1', history: true });
    expect(r.history).toEqual({
      total: 2,
      entries: [
        {
          at: '2024-11-19T14:00:00.000Z',
          kind: 'due',
          text: null,
          author: 'Alex Wilber',
          rag: null,
          changes: { dueDate: ['2024-09-01', '2024-10-01'] },
          detail: null,
        },
        {
          at: '2024-11-15T00:00:00.000Z',
          kind: 'progress',
          text: 'On track',
          author: 'test',
          rag: null,
          changes: null,
          detail: null,
        },
      ],
    });
  });

  it('shows a recommendation with its actions', async () => {
    const r = await run({ kind: 'recommendation', plan: 'NCRS', ref: '1' });
    expect(r.recommendation).toMatchObject({ planKey: 'NCRS', ref: '1', text: 'Recommendation of NCRS' });
    expect(refs(r)).toEqual(['NCRS-1', 'NCRS-12A']);
    expect(await run({ kind: 'recommendation', ref: '1' })).toMatchObject({
      recommendation: null,
      candidates: ['BTP-CDI-1', 'NCRS-1'],
    });
  });
});

describe('behind, summary, plans, changes', () => {
  it('ranks owners by overdue, then red, with the people holding each post', async () => {
    const r = await run({ kind: 'behind' });
    expect(r.owners.map((o) => [o.post, o.overdue, o.red, o.holders.map((h) => h.displayName)])).toEqual([
      ['Head of Contact Management', 1, 1, ['Alex Wilber']],
      ['Head of SDD', 1, 1, []],
      ['Deputy Chief Constable', 0, 1, ['Dana Offline']],
    ]);
    expect((await run({ kind: 'behind', board: 'ICB' })).owners.map((o) => o.post)).toEqual([
      'Head of Contact Management',
      'Deputy Chief Constable',
    ]);
    expect(await run({ kind: 'behind', plan: 'NO-SUCH-PLAN' })).toMatchObject({ owners: [], total: 0 });
  });

  it('summarises a plan by effective RAG and status, with % complete and the oldest overdue', async () => {
    const r = await run({ kind: 'summary', plan: 'BTP-CDI' });
    expect(r).toMatchObject({
      plans: 1,
      total: 7,
      byRag: { RED: 2, AMBER: 2, GREEN: 1, COMPLETE: 2 },
      byStatus: { open: 5, awaiting_verification: 1, complete: 1 },
      percentComplete: 14,
      overdue: 1,
      oldestOverdue: { displayRef: 'BTP-CDI-1' },
    });
    // BTP-CDI-5 was verified, but finished in November against a promise of June; BTP-CDI-1 is 50 days late.
    expect(r.measures).toEqual({
      verifiedPercent: 14,
      onTimePercent: 0,
      overduePercent: 14,
      averageDaysOverdue: 50,
      riskAccepted: 0,
    });
  });

  it('summarises everything and a board', async () => {
    expect(await run({ kind: 'summary' })).toMatchObject({
      plans: 2,
      total: 9,
      overdue: 2,
      oldestOverdue: { displayRef: 'NCRS-1' },
    });
    expect(await run({ kind: 'summary', board: 'ICB' })).toMatchObject({
      labels: { board: 'ICB' },
      plans: 1,
      total: 7,
    });
  });

  it('lists plans, or a board’s plans', async () => {
    expect((await run({ kind: 'plans' })).plans.map((p) => p.key)).toEqual(['BTP-CDI', 'NCRS']);
    expect((await run({ kind: 'plans', board: 'ICB' })).plans.map((p) => [p.key, p.actions])).toEqual([['BTP-CDI', 7]]);
  });

  it('lists updates and completions in a period, newest first', async () => {
    const r = await run({ kind: 'changes', event: 'any', period: { range: 'this-week' } });
    expect(r.span).toEqual({ from: '2024-11-18', to: '2024-11-24' });
    expect(r.updates.map((u) => [u.ref, u.kind])).toEqual([
      ['NCRS-12A', 'progress'],
      ['BTP-CDI-1', 'due'],
      ['BTP-CDI-4', 'progress'],
      ['BTP-CDI-2', 'progress'],
    ]);
    expect(r.updateTotal).toBe(4);
    expect(r.completed.map((a) => a.displayRef)).toEqual(['BTP-CDI-5']);
  });

  it('lists completions only, for a month, an owner or a plan', async () => {
    const october = await run({
      kind: 'changes',
      event: 'completed',
      period: { from: '2024-10-01', to: '2024-10-31' },
    });
    expect([october.updates, october.completed.map((a) => a.displayRef)]).toEqual([[], ['BTP-CDI-6']]);
    const mine = await run({ kind: 'changes', event: 'any', period: { days: 7 }, owner: { me: true } });
    expect(mine.updates.map((u) => u.ref)).toEqual(['NCRS-12A', 'BTP-CDI-1', 'BTP-CDI-4', 'BTP-CDI-1']);
    const ncrs = await run({ kind: 'changes', event: 'any', period: { days: 7 }, plan: 'NCRS' });
    expect([ncrs.updateTotal, ncrs.completedTotal]).toEqual([1, 0]);
  });

  it('answers help and unknown with questions that have answers here', async () => {
    const help = await runQuery(ctx, { kind: 'help' });
    expect(help).toEqual({ kind: 'help', examples: expect.arrayContaining(["what's red?"]) });
    // "x" asks nothing; the suggestions are questions with answers instead.
    const unknown = await runQuery(ctx, { kind: 'unknown', suggestions: ['x'] });
    expect(unknown).toEqual({
      kind: 'unknown',
      suggestions: ["what's red?", 'due in the next 14 days', 'what changed this week?'],
    });
  });
});
