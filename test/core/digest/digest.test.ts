/** The digest against a seeded history: sections, deltas, "what was true then", and the card it renders. */
import { computeDigest, type DigestData } from '../../../core/digest/compute';
import type { CoreContext } from '../../../core/context';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { cardBytes, DIGEST_MAX_BYTES, digestCard, digestText } from '../../../cards/digest';
import { appendHistory } from '../../../core/history/append';
import type { Tx } from '../../../core/db/tx';
import { cardProblems, schemaProblems } from '../../helpers/adaptive-card';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPerson, seedPlan, type ActionSpec } from '../../helpers/fixtures';
import { testClock } from '../../helpers/clock';

let t: TestDatabase;
let ctx: CoreContext;
let boardId: string;
const id: Record<string, string> = {};
// Monday 8 June 2015, 08:00 in London (BST).
const SLOT = new Date('2015-06-08T07:00:00Z');
const PREVIOUS = new Date('2015-06-01T07:00:00Z');

beforeAll(async () => {
  t = await createTestDb();
  ctx = {
    db: t.db,
    now: testClock('2015-06-10T12:00:00Z').now,
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };
  const p = t.db.prisma;
  const alex = await seedPerson(t.db, { displayName: 'Alex Wilber', teamsUserId: 'user-id-0', posts: ['Head of SDD'] });
  const megan = await seedPerson(t.db, {
    displayName: 'Megan Bowen',
    teamsUserId: 'user-id-1',
    posts: ['Head of Offender Management'],
  });
  await p.conversationRef.create({
    data: { conversationId: 'a:alex', scope: 'personal', personId: alex.id, serviceUrl: 'http://x', reference: '{}' },
  });
  const actions: ActionSpec[] = [
    {
      ref: '1',
      text: 'Long overdue',
      owners: ['Head of SDD'],
      due: '2015-05-01',
      updates: [{ at: '2015-06-05', text: 'still going' }],
    },
    {
      ref: '2',
      text: 'Reported red',
      owners: ['Head of SDD'],
      due: '2015-09-30',
      reportedRag: 'RED',
      updates: [{ at: '2015-06-03', text: 'blocked' }],
    },
    {
      ref: '3',
      text: 'Just overdue',
      owners: ['FCR'],
      due: '2015-05-31',
      updates: [{ at: '2015-06-02', text: 'nearly' }],
    },
    {
      ref: '4',
      text: 'Due soon',
      owners: ['Head of Offender Management'],
      due: '2015-06-15',
      updates: [{ at: '2015-06-04', text: 'on plan' }],
    },
    {
      ref: '5',
      text: 'Done by owner',
      owners: ['Head of SDD'],
      due: '2015-06-30',
      status: 'awaiting_verification',
      updates: [{ at: '2015-06-03', text: 'done' }],
    },
    {
      ref: '6',
      text: 'Verified',
      owners: ['Head of SDD'],
      due: '2015-06-30',
      status: 'complete',
      updates: [{ at: '2015-05-20', text: 'done' }],
    },
    { ref: '7', text: 'Forgotten', owners: ['Head of SDD'], due: '2016-01-01' },
    {
      ref: '8',
      text: 'Wants more time',
      owners: ['Head of SDD'],
      due: '2015-06-20',
      updates: [{ at: '2015-06-05', text: 'slipping' }],
    },
    { ref: '9', text: 'Added after the slot', owners: ['Head of SDD'], due: '2016-01-01', createdAt: '2015-06-09' },
    {
      ref: '10',
      text: 'Completed after the slot',
      owners: ['Head of SDD'],
      due: '2015-07-31',
      status: 'complete',
      updates: [{ at: '2015-06-02', text: 'going' }],
    },
  ];
  const plan = await seedPlan(t.db, { key: 'BTP-CDI', createdAt: '2015-01-01', actions });
  for (const a of await p.action.findMany({ where: { planId: plan.id } })) id[a.ref] = a.id;
  const change = (ref: string, at: string, status: [string, string], kind = 'verification') =>
    p.update.create({ data: { actionId: id[ref], at: new Date(at), kind, changes: JSON.stringify({ status }) } });
  await change('5', '2015-06-03T10:00:00Z', ['open', 'awaiting_verification'], 'progress');
  await change('6', '2015-06-04T10:00:00Z', ['awaiting_verification', 'complete']);
  await change('10', '2015-06-09T10:00:00Z', ['open', 'complete']);
  await p.action.update({ where: { id: id['10'] }, data: { completedAt: new Date('2015-06-09T10:00:00Z') } });
  await p.action.update({ where: { id: id['6'] }, data: { completedAt: new Date('2015-05-20T10:00:00Z') } });
  await p.extensionRequest.create({
    data: {
      actionId: id['8'],
      requestedById: megan.id,
      requestedDate: new Date('2015-07-31T00:00:00Z'),
      reason: 'Waiting for the vendor',
      createdAt: new Date('2015-06-06T09:00:00Z'),
    },
  });
  const board = await p.board.create({
    data: { key: 'ICB', name: 'Integrity and Compliance Board', plans: { create: { planId: plan.id } } },
  });
  boardId = board.id;
  await p.digest.create({
    data: {
      boardId,
      periodKey: '2015-06-01T08:00',
      scheduledFor: PREVIOUS,
      counts: JSON.stringify({ counts: { RED: 1, AMBER: 1, GREEN: 4, COMPLETE: 1 }, redIds: [id['1']] }),
    },
  });
});
afterAll(() => t.drop());

const section = (d: DigestData, key: string) => d.sections.find((s) => s.key === key);
const refs = (d: DigestData, key: string) => section(d, key)?.rows.map((r) => r.ref);

describe('digest as of its slot', () => {
  let d: DigestData;
  beforeAll(async () => {
    d = await computeDigest(ctx, boardId, SLOT);
  });

  it('counts by effective RAG with the change since the previous digest', () => {
    expect(d.counts).toEqual({ RED: 3, AMBER: 1, GREEN: 3, COMPLETE: 2, RISK_ACCEPTED: 0, SUPERSEDED: 0 });
    expect(d.deltas).toEqual({ RED: 2, AMBER: 0, GREEN: -1, COMPLETE: 1, RISK_ACCEPTED: 0, SUPERSEDED: 0 });
    expect(d.previousAt).toEqual(PREVIOUS);
    expect(d.asOfLabel).toBe('Mon 8 Jun 2015 08:00');
    // A digest stored before closures had statuses of their own reads as none closed.
    expect(d.history).toEqual([{ RED: 1, AMBER: 1, GREEN: 4, COMPLETE: 1, RISK_ACCEPTED: 0, SUPERSEDED: 0 }, d.counts]);
  });

  it('lists the newly Red with reasons, and overdue oldest first with owners', () => {
    expect(section(d, 'newlyRed')).toMatchObject({ title: 'Newly Red since 1 Jun 2015' });
    expect(section(d, 'newlyRed')!.rows).toMatchObject([
      { ref: 'BTP-CDI-2', text: 'Reported red', detail: 'reported Red 3 Jun 2015' },
      { ref: 'BTP-CDI-3', text: 'Just overdue', detail: 'overdue since 1 Jun 2015' },
    ]);
    expect(section(d, 'overdue')!.rows).toMatchObject([
      {
        ref: 'BTP-CDI-1',
        text: 'Long overdue',
        detail: 'Head of SDD (Alex Wilber) · due 1 May 2015 · overdue 5 weeks',
      },
      { ref: 'BTP-CDI-3', text: 'Just overdue', detail: 'FCR · due 31 May 2015 · overdue 8 days' },
    ]);
  });

  it('calls verified only what was verified in the period; a completion awaiting verification is only that', () => {
    expect(section(d, 'done')!.rows.map((r) => [r.ref, r.detail])).toEqual([
      ['BTP-CDI-6', 'Head of SDD (Alex Wilber) · verified 4 Jun 2015'],
    ]);
    expect(refs(d, 'awaitingVerification')).toEqual(['BTP-CDI-5']);
  });

  it('shows what was due soon, stale and pending then', () => {
    // 10 was open until after the slot; 9 did not exist yet.
    expect(refs(d, 'dueSoon')).toEqual(['BTP-CDI-4', 'BTP-CDI-8']);
    expect(section(d, 'stale')!.rows).toMatchObject([
      { ref: 'BTP-CDI-7', text: 'Forgotten', detail: 'Head of SDD (Alex Wilber) · no update since 1 Jan 2015' },
    ]);
    expect(section(d, 'extensions')!.rows).toMatchObject([
      {
        ref: 'BTP-CDI-8',
        text: 'Wants more time',
        detail: 'Megan Bowen asks to move 20 Jun 2015 → 31 Jul 2015: Waiting for the vendor',
      },
    ]);
    expect(JSON.stringify(d)).not.toContain('Added after the slot');
  });

  it('counts the owners it cannot reach as people, naming their posts, and posts nobody holds apart', () => {
    expect(section(d, 'unreachable')).toEqual({
      key: 'unreachable',
      title: 'People Chaser cannot reach',
      rows: [
        {
          ref: 'Megan Bowen',
          text: 'Head of Offender Management: no chat with Chaser yet',
          detail: '1 open action: BTP-CDI-4',
        },
      ],
    });
    expect(section(d, 'vacant')!.rows).toEqual([
      { ref: 'FCR', text: 'Nobody holds this post', detail: '1 open action: BTP-CDI-3' },
    ]);
  });

  it("measures the board's plans as they stood at the slot, and the card shows the measures", () => {
    // Nine actions then (9 came later; 10 was still open): 6 verified before its date; 1 and 3 overdue, by
    // 38 and 8 days.
    expect(d.measures).toEqual({
      verifiedPercent: 11,
      onTimePercent: 100,
      overduePercent: 22,
      averageDaysOverdue: 23,
      riskAccepted: 0,
    });
    const json = JSON.stringify(digestCard(d));
    expect(json).toContain('"title":"Implemented by the date first promised","value":"100%"');
    expect(json).toContain('"title":"Average time overdue","value":"3 weeks"');
  });

  it('renders a 1.5 card with headline deltas, every section and the chart', () => {
    const card = digestCard(d);
    expect(cardProblems(card)).toEqual([]);
    expect(schemaProblems(card)).toEqual([]);
    const json = JSON.stringify(card);
    for (const text of [
      'Newly Red since 1 Jun 2015',
      'Pending extension requests',
      'People Chaser cannot reach',
      'Posts nobody holds',
    ]) {
      expect(json).toContain(text);
    }
    // Each count a tile: its label and number in the theme's text colour on the RAG's container style.
    const tiles = card.body.find((e) => e.type === 'ColumnSet')!.columns as {
      style: string;
      items: { text: string; color?: string }[];
    }[];
    expect(tiles.map((c) => [c.style, ...c.items.map((i) => i.text)])).toEqual([
      ['attention', 'Red', '3 (+2)'],
      ['warning', 'Amber', '1 (±0)'],
      ['good', 'Green', '3 (-1)'],
      ['accent', 'Complete', '2 (+1)'],
    ]);
    expect(tiles.flatMap((c) => c.items.map((i) => i.color)).filter(Boolean)).toEqual([]);
    // Teams' stacked bars, one per digest, with the drawn chart for clients without charts.
    const trend = card.body.find((e) => e.type === 'Chart.HorizontalBar.Stacked')!;
    expect(trend.data).toEqual([
      { title: '1 digest ago', data: expect.any(Array) },
      {
        title: 'This digest',
        data: [
          { legend: 'Red', value: 3, color: 'attention' },
          { legend: 'Amber', value: 1, color: 'warning' },
          { legend: 'Green', value: 3, color: 'good' },
          { legend: 'Complete', value: 2, color: 'categoricalBlue' },
        ],
      },
    ]);
    expect(trend.fallback).toMatchObject({ type: 'Image', url: expect.stringMatching(/^data:image\/png;base64,/) });
    expect(json).not.toContain('Show all');
    expect(digestText(d)).toContain('Red 3 (+2) · Amber 1 (±0) · Green 3 (-1) · Complete 2 (+1)');
  });

  it('marks a late digest', () => {
    const card = digestCard(d, { late: 'Mon 08:00' });
    expect(JSON.stringify(card)).toContain('Late: this digest was due Mon 08:00');
  });
});

describe('due dates moved in the period', () => {
  it('lists each approved move with who asked, why and who approved', async () => {
    const eight = await t.db.prisma.action.findFirstOrThrow({ where: { ref: '8' } });
    await appendHistory(t.db.prisma as Tx, {
      actionId: eight.id,
      at: new Date('2015-06-04T10:00:00Z'),
      kind: 'due',
      authorName: 'Alex Wilber',
      changes: { dueDate: ['2015-06-20', '2015-07-31'], dueText: ['2015-06-20', '31 Jul 2015'] },
      detail: { askedBy: 'Megan Bowen', reason: 'Waiting for the vendor', approvedBy: 'Alex Wilber' },
    });
    const d = await computeDigest(ctx, boardId, SLOT);
    expect(section(d, 'slipped')).toMatchObject({
      key: 'slipped',
      title: 'Due dates moved this period',
      rows: [
        {
          ref: 'BTP-CDI-8',
          text: 'Wants more time',
          detail:
            'Due date moved from 20 Jun 2015 to 31 Jul 2015, asked by Megan Bowen ("Waiting for the vendor"), approved by Alex Wilber',
        },
      ],
    });
    expect(section(await computeDigest(ctx, boardId, PREVIOUS), 'slipped')).toBeUndefined();
  });
});

describe('the first digest', () => {
  it('has no deltas and lists all Red', async () => {
    const d = await computeDigest(ctx, boardId, new Date('2015-05-25T07:00:00Z'));
    expect(d.deltas).toBeNull();
    expect(d.previousAt).toBeNull();
    expect(section(d, 'newlyRed')!.title).toBe('Red');
    expect(digestCard(d).body.some((e) => e.type === 'Chart.HorizontalBar.Stacked')).toBe(false);
    expect(JSON.stringify(digestCard(d))).not.toContain('(+');
  });
});

describe('a board with 500 actions', () => {
  it('stays a valid 1.5 card under 80 KB with at most 5 rows a section and "Show all" paging', async () => {
    const plan = await seedBigPlan(500);
    const board = await t.db.prisma.board.create({
      data: { key: 'BIG', name: 'Big Board', plans: { create: { planId: plan.id } } },
    });
    for (let w = 8; w >= 1; w--) {
      const at = new Date(SLOT.getTime() - w * 7 * 86_400_000);
      await t.db.prisma.digest.create({
        data: {
          boardId: board.id,
          periodKey: at.toISOString(),
          scheduledFor: at,
          counts: JSON.stringify({ counts: { RED: 100 + w, AMBER: 50, GREEN: 300, COMPLETE: 50 - w }, redIds: [] }),
        },
      });
    }
    const d = await computeDigest(ctx, board.id, SLOT);
    expect(d.history).toHaveLength(8);
    const card = digestCard(d);
    expect(cardProblems(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(DIGEST_MAX_BYTES);
    expect(card.body.find((e) => e.type === 'Chart.HorizontalBar.Stacked')?.fallback).toMatchObject({ type: 'Image' });
    const overdue = section(d, 'overdue')!;
    expect(overdue.rows.length).toBeGreaterThan(300);
    expect(JSON.stringify(card)).toContain(`Show all ${overdue.rows.length}`);

    const page = digestCard(d, { expand: { section: 'overdue', page: 2 } });
    expect(cardProblems(page)).toEqual([]);
    expect(cardBytes(page)).toBeLessThan(DIGEST_MAX_BYTES);
    const json = JSON.stringify(page);
    expect(json).toContain('page 3 of');
    expect(json).toContain('"verb":"digest.page"');
    expect(page.actions).toEqual([expect.objectContaining({ title: 'Back to digest', verb: 'digest.page' })]);
  });
});

/** 500 actions in a few statements (the fixture's row-by-row inserts take seconds). */
async function seedBigPlan(n: number) {
  const p = t.db.prisma;
  const created = new Date('2015-01-01T00:00:00Z');
  const plan = await p.plan.create({ data: { key: 'BIG', title: 'Big plan', createdAt: created } });
  const rec = await p.recommendation.create({ data: { planId: plan.id, ref: '1', text: 'Everything', position: 0 } });
  await p.post.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({ id: `big-post-${i}`, name: `Post number ${i} with a long title` })),
  });
  await p.action.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      id: `big-${i}`,
      planId: plan.id,
      recommendationId: rec.id,
      ref: String(i + 1),
      text: `A long action description ${'that goes on and on about what must be done '.repeat(6)}${i}`,
      dueDate: new Date(i % 3 ? '2015-05-01T00:00:00Z' : '2015-06-12T00:00:00Z'),
      dueText: i % 3 ? '1 May 2015' : '12 Jun 2015',
      duePrecision: 'day',
      reportedRag: i % 5 ? null : 'RED',
      position: i,
      createdAt: created,
    })),
  });
  await p.actionOwner.createMany({
    data: Array.from({ length: n }, (_, i) => ({ actionId: `big-${i}`, postId: `big-post-${i % 40}`, position: 0 })),
  });
  return plan;
}
