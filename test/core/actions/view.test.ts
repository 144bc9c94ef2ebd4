/**
 * The action read model: last update and the number of progress notes, field-change records left out;
 * the same view inside a transaction, and read through the driver (view-loader) as through Prisma.
 */
import { loadView } from '../../../core/actions/change';
import { actionViewInclude, toActionView } from '../../../core/actions/view';
import { actionViews, viewsById } from '../../../core/actions/view-loader';
import { inPlanKeyed } from '../../../core/store/action-filter';
import type { Tx } from '../../../core/db/tx';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPerson, seedPlan } from '../../helpers/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

it('counts progress notes and shows the newest, ignoring status changes, per action', async () => {
  await seedPlan(t.db, {
    key: 'V',
    actions: [
      {
        ref: '1',
        updates: [
          { at: '2015-03-01', text: 'first' },
          { at: '2015-05-01', text: 'newest' },
          { at: '2015-04-01', text: 'middle' },
        ],
      },
      { ref: '2' },
    ],
  });
  const one = await t.db.prisma.action.findFirstOrThrow({ where: { ref: '1' } });
  await t.db.prisma.update.create({
    data: {
      actionId: one.id,
      at: new Date('2015-06-01T00:00:00Z'),
      kind: 'status',
      changes: '{"status":["open","complete"]}',
    },
  });
  const ctx = {
    db: t.db,
    now: () => new Date('2015-06-02T09:00:00Z'),
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };
  const [a, b] = await actionViews(ctx, { where: inPlanKeyed('V'), order: 'plan' });
  expect(a).toMatchObject({ ref: '1', updates: 3, lastUpdate: { at: '2015-05-01T00:00:00.000Z', text: 'newest' } });
  expect(b).toMatchObject({ ref: '2', updates: 0, lastUpdate: null });
});

it('reads the same view inside a transaction, with its own uncommitted writes', async () => {
  await seedPlan(t.db, {
    key: 'TX',
    owner: 'Head of SDD',
    actions: [{ ref: '1', owners: ['FCR', 'Head of SDD'], updates: [{ at: '2015-03-01', text: 'first' }] }],
  });
  await seedPerson(t.db, { displayName: 'Megan Bowen', posts: ['FCR'] });
  const ctx = {
    db: t.db,
    now: () => new Date('2015-06-02T09:00:00Z'),
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };
  const action = await t.db.prisma.action.findFirstOrThrow({ where: { plan: { key: 'TX' } } });
  const outside = await loadView(ctx, action.id);
  expect(outside).toMatchObject({
    displayRef: 'TX-1',
    updates: 1,
    owners: [
      { post: 'FCR', holders: [{ displayName: 'Megan Bowen' }] },
      { post: 'Head of SDD', holders: [] },
    ],
  });
  await t.db.prisma.$transaction(async (tx) => {
    expect(await loadView(ctx, action.id, tx as Tx)).toEqual(outside);
    await tx.update.create({
      data: { actionId: action.id, at: new Date('2015-06-01T00:00:00Z'), kind: 'progress', text: 'in the transaction' },
    });
    expect(await loadView(ctx, action.id, tx as Tx)).toMatchObject({
      updates: 2,
      lastUpdate: { text: 'in the transaction' },
    });
  });
  expect(await loadView(ctx, 'no-such-action')).toBeNull();
});

it('reads the same views through the driver as through Prisma, in the order asked', async () => {
  await seedPlan(t.db, {
    key: 'DRV',
    owner: 'Chief Officer',
    actions: [
      {
        ref: '1',
        owners: ['Job Share', 'Vacant Post'],
        due: '2015-05-01',
        reportedRag: 'AMBER',
        updates: [
          { at: '2015-02-01', text: 'older' },
          { at: '2015-04-01', text: 'newer' },
        ],
      },
      { ref: '2', owners: ['Chief Officer'], due: null, createdAt: '2015-01-10' },
      {
        ref: '3',
        owners: ['Job Share'],
        due: '2015-07-31',
        status: 'complete',
        reportedRag: 'GREEN',
        updates: [{ at: '2015-05-20', text: 'done' }],
      },
    ],
  });
  await seedPerson(t.db, { displayName: 'Priya Shah', aadObjectId: 'aad-priya', posts: ['Job Share'] });
  await seedPerson(t.db, { displayName: 'Tom Foy', teamsUserId: '29:tom', posts: ['Job Share', 'Chief Officer'] });
  const ctx = {
    db: t.db,
    now: () => new Date('2015-06-02T09:00:00Z'),
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };
  const rows = await t.db.prisma.action.findMany({
    where: { plan: { key: 'DRV' } },
    include: actionViewInclude,
    orderBy: { position: 'desc' },
  });
  const ids = rows.map((r) => r.id);

  const views = await viewsById(ctx, [...ids, 'no-such-action']);
  expect(views).toEqual(rows.map((r) => toActionView(r, ctx)));
  expect(views.map((v) => v.ref)).toEqual(['3', '2', '1']);
  expect(views[2].owners).toMatchObject([
    {
      post: 'Job Share',
      holders: [
        { displayName: 'Priya Shah', aadObjectId: 'aad-priya' },
        { displayName: 'Tom Foy', teamsUserId: '29:tom' },
      ],
    },
    { post: 'Vacant Post', holders: [] },
  ]);
  expect(views[2]).toMatchObject({ due: '2015-05-01', updates: 2, lastUpdate: { text: 'newer' }, effectiveRag: 'RED' });
  expect(views[1]).toMatchObject({ due: null, lastActivity: '2015-01-10' });
  expect(views[2].lastActivity).toBe('2015-04-01');
  expect(await viewsById(ctx, [])).toEqual([]);
  // More ids than SQLite binds parameters (32,766): a list of every action of a very large plan.
  const many = Array.from({ length: 40_000 }, (_, i) => `missing-${i}`);
  many.splice(20_000, 0, ids[2]);
  many.push(ids[0]);
  expect((await viewsById(ctx, many)).map((v) => v.ref)).toEqual(['1', '3']);
});
