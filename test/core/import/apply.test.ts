/**
 * applyParsedPlan on a real database (SQLite, and PostgreSQL when TEST_DATABASE_URL is set): re-imports
 * change nothing, a changed file changes only what changed and says so in the history, dry runs and
 * failures write nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { applyParsedPlan } from '../../../core/import/apply';
import { draftFromInspectionReport } from '../../../core/import/areas-for-improvement';
import { parsePlan, parsePlanFile } from '../../../core/import/parse-plan';
import type { Prisma } from '../../../core/db/client';
import type { Tx } from '../../../core/db/tx';
import { createTestDb, withHistoryUnlocked, type TestDatabase } from '../../helpers/db';
import { testClock } from '../../helpers/clock';

let t: TestDatabase;
const clock = testClock('2015-06-01T09:00:00Z');
const ctx = () => ({ db: t.db, now: clock.now });
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());
beforeEach(async () => {
  clock.set('2015-06-01T09:00:00Z');
  await withHistoryUnlocked(t.db, () => t.db.prisma.plan.deleteMany());
  await t.db.prisma.post.deleteMany();
});

const HEADER =
  'Ref,Area for Improvement,Action Owner,Due Date,Initial Response,Latest Update,Date of Update,Complete Yes/No,RAG Status';
const ROWS = [
  '1,Deliver a clear message on integrity,Deputy Chief Constable,Now,Jan 2015 - Clinics started,18 Apr 2015 - Message issued,,No,G',
  '2,Hold regular FCR meetings,Deputy Chief Constable / Head of SDD / FCR,01-Mar-15,12 May 2015 - Meetings agreed,,12/05/2015,No,A',
  '3,Review rape transfer guidance,Head of Offender Management,Smarch 2004,,,,No,',
];
const csv = (rows: string[]) =>
  Buffer.from(['TEST IMPROVEMENT PLAN', 'HMIC report issued 23 December 2014', HEADER, ...rows].join('\n'));
const parse = (rows = ROWS) => parsePlan(csv(rows), 'plan.csv');
const opts = { planKey: 'TEST', source: 'plan.csv' };

async function snapshot() {
  const p = t.db.prisma;
  return {
    plans: await p.plan.count(),
    recommendations: await p.recommendation.count(),
    actions: await p.action.count(),
    owners: await p.actionOwner.count(),
    posts: await p.post.count(),
    updates: await p.update.count(),
    links: await p.actionLink.count(),
  };
}

describe('applyParsedPlan', () => {
  it('imports a plan: recommendations, actions, owners and dated history', async () => {
    const r = await applyParsedPlan(ctx(), parse(), opts);
    expect(r.failed).toBe(false);
    expect(r.counts).toEqual({ recommendations: 3, actions: 3, owners: 5, updates: 3 });
    expect(r.created).toEqual({ recommendations: 3, actions: 3, updates: 3, posts: 4 });
    expect(await snapshot()).toMatchObject({
      plans: 1,
      recommendations: 3,
      actions: 3,
      owners: 5,
      posts: 4,
      updates: 3,
    });
    const two = await t.db.prisma.action.findFirstOrThrow({
      where: { ref: '2' },
      include: { owners: { include: { post: true }, orderBy: { position: 'asc' } } },
    });
    expect(two.owners.map((o) => o.post.name)).toEqual(['Deputy Chief Constable', 'Head of SDD', 'FCR']);
    expect(two).toMatchObject({ reportedRag: 'AMBER', dueText: '01-Mar-15', createdAt: clock.now() });
    const history = await t.db.prisma.update.findMany({ where: { action: { ref: '1' } }, orderBy: { at: 'asc' } });
    expect(history.map((u) => [u.at.toISOString().slice(0, 10), u.kind, u.text])).toEqual([
      ['2015-01-01', 'progress', 'Clinics started'],
      ['2015-04-18', 'progress', 'Message issued'],
    ]);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        row: 6,
        column: 'Due Date',
        message: "due date 'Smarch 2004' not understood — kept as text, no date",
      }),
    );
  });

  it('changes nothing when the same file is imported twice', async () => {
    await applyParsedPlan(ctx(), parse(), opts);
    const before = await snapshot();
    const versions = await t.db.prisma.action.findMany({ select: { ref: true, version: true, updatedAt: true } });
    clock.advance(86_400_000);
    const again = await applyParsedPlan(ctx(), parse(), opts);
    expect(again.changes).toEqual([]);
    expect(again.created).toEqual({ recommendations: 0, actions: 0, updates: 0, posts: 0 });
    expect(await snapshot()).toEqual(before);
    expect(await t.db.prisma.action.findMany({ select: { ref: true, version: true, updatedAt: true } })).toEqual(
      versions,
    );
  });

  /** Every plan in the layouts corpus: the files that are no plan (a scan, a password, a report) are refused. */
  const PLANS = path.join(__dirname, '../../fixtures/plans');
  const NOT_PLANS = ['header-only.csv', 'inspection-report.pdf', 'password.pdf', 'scanned.pdf'];
  it.each(readdirSync(PLANS).filter((name) => !NOT_PLANS.includes(name)))(
    'changes nothing when %s is imported a second time',
    async (name) => {
      const read = () => parsePlanFile(readFileSync(path.join(PLANS, name)), name);
      const first = await read();
      expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
      await applyParsedPlan(ctx(), first, { planKey: 'CORPUS', source: name });
      const before = await snapshot();
      const versions = await t.db.prisma.action.findMany({ select: { ref: true, version: true, updatedAt: true } });
      clock.advance(86_400_000);
      const again = await applyParsedPlan(ctx(), await read(), { planKey: 'CORPUS', source: name });
      expect(again.changes).toEqual([]);
      expect(again.created).toEqual({ recommendations: 0, actions: 0, updates: 0, posts: 0 });
      expect(await snapshot()).toEqual(before);
      expect(await t.db.prisma.action.findMany({ select: { ref: true, version: true, updatedAt: true } })).toEqual(
        versions,
      );
    },
  );

  it('keeps undated entries once when the plan has no report date (their fallback date is the clock)', async () => {
    const rows = ['1,Do a thing,FCR,Ongoing,Work has started,,,No,'];
    const plan = () => parsePlan(Buffer.from([HEADER, ...rows].join('\n')), 'p.csv');
    await applyParsedPlan(ctx(), plan(), opts);
    clock.advance(7 * 86_400_000);
    const again = await applyParsedPlan(ctx(), plan(), opts);
    expect(again.created.updates).toBe(0);
    expect(await t.db.prisma.update.count()).toBe(1);
  });

  it('updates what a changed file changed and records before and after in the history', async () => {
    await applyParsedPlan(ctx(), parse(), opts);
    clock.set('2015-07-01T09:00:00Z');
    const changed = [
      ROWS[0].replace('Now', '30/06/2015').replace(',No,G', ',Yes,G'),
      ROWS[1]
        .replace('Deputy Chief Constable / Head of SDD / FCR', 'Head of SDD - chair')
        .replace(',,12/05/2015', ',20 Jun 2015 - First meeting held,12/05/2015'),
      ROWS[2],
    ];
    const r = await applyParsedPlan(ctx(), parse(changed), opts);
    expect(r.changes).toEqual([
      {
        kind: 'update',
        entity: 'action',
        ref: '1',
        row: 4,
        fields: ['dueText', 'dueDate', 'duePrecision', 'status'],
        details: ['due date 23 Dec 2014 (Now) → 30 Jun 2015', 'status open → awaiting verification'],
      },
      expect.objectContaining({
        ref: '2',
        fields: ['owners'],
        details: ['owners Deputy Chief Constable; Head of SDD; FCR → Head of SDD, chair'],
      }),
    ]);
    expect(r.created.updates).toBe(1);
    const one = await t.db.prisma.action.findFirstOrThrow({
      where: { ref: '1' },
      include: { updates: { where: { kind: 'change' } } },
    });
    expect(one).toMatchObject({ status: 'awaiting_verification', dueText: '30/06/2015', version: 2 });
    expect(one.updates).toHaveLength(1);
    expect(one.updates[0].at).toEqual(clock.now());
    expect(JSON.parse(one.updates[0].changes!)).toEqual({
      dueText: ['Now', '30/06/2015'],
      dueDate: ['2014-12-23', '2015-06-30'],
      duePrecision: ['asap', 'day'],
      status: ['open', 'awaiting_verification'],
    });
    const two = await t.db.prisma.update.findFirstOrThrow({ where: { action: { ref: '2' }, kind: 'change' } });
    expect(JSON.parse(two.changes!).owners).toEqual([
      [
        { post: 'Deputy Chief Constable', role: null },
        { post: 'Head of SDD', role: null },
        { post: 'FCR', role: null },
      ],
      [{ post: 'Head of SDD', role: 'chair' }],
    ]);
    expect(await t.db.prisma.actionOwner.count({ where: { action: { ref: '2' } } })).toBe(1);
    expect(await t.db.prisma.update.count({ where: { action: { ref: '3' } } })).toBe(0);
  });

  it('moves the actions below a new row without recording it as a change', async () => {
    await applyParsedPlan(ctx(), parse(), opts);
    const r = await applyParsedPlan(ctx(), parse(['0,A new first action,FCR,Now,,,,No,', ...ROWS]), opts);
    expect(r.changes).toEqual([
      { kind: 'create', entity: 'recommendation', ref: '0' },
      { kind: 'create', entity: 'action', ref: '0' },
    ]);
    const actions = await t.db.prisma.action.findMany({
      orderBy: { position: 'asc' },
      select: { ref: true, version: true },
    });
    expect(actions).toEqual(['0', '1', '2', '3'].map((ref) => ({ ref, version: 1 })));
    const recs = await t.db.prisma.recommendation.findMany({ orderBy: { position: 'asc' }, select: { ref: true } });
    expect(recs.map((rec) => rec.ref)).toEqual(['0', '1', '2', '3']);
    expect(await t.db.prisma.update.count({ where: { kind: 'change' } })).toBe(0);
  });

  it('re-imports a plan of more actions than one query can bind ids', async () => {
    const rows = Array.from(
      { length: 1200 },
      (_, i) => `${i + 1},Action ${i + 1},FCR / Head of SDD,Now,1 May 2015 - Started,,,No,G`,
    );
    expect((await applyParsedPlan(ctx(), parse(rows), opts)).created.actions).toBe(1200);
    const again = await applyParsedPlan(ctx(), parse(rows), opts);
    expect(again).toMatchObject({ failed: false, changes: [], created: { actions: 0, updates: 0 } });
  });

  it('leaves an action verified in Chaser verified when the file only says Complete', async () => {
    const done = [ROWS[0].replace(',No,G', ',Yes,G')];
    await applyParsedPlan(ctx(), parse(done), opts);
    await t.db.prisma.action.updateMany({ where: { ref: '1' }, data: { status: 'complete' } });
    const r = await applyParsedPlan(ctx(), parse(done), opts);
    expect(r.changes).toEqual([]);
    expect((await t.db.prisma.action.findFirstOrThrow({ where: { ref: '1' } })).status).toBe('complete');
  });

  it('warns about actions the file no longer has, and keeps them', async () => {
    await applyParsedPlan(ctx(), parse(), opts);
    const r = await applyParsedPlan(ctx(), parse(ROWS.slice(0, 2)), opts);
    expect(r.problems).toContainEqual(
      expect.objectContaining({
        message: 'action 3 is in plan TEST but not in this file — left as it is',
        severity: 'warning',
      }),
    );
    expect(await t.db.prisma.action.count()).toBe(3);
  });

  it('dry run reports what would change and writes nothing', async () => {
    const empty = await snapshot();
    const r = await applyParsedPlan(ctx(), parse(), { ...opts, dryRun: true });
    expect(r).toMatchObject({
      dryRun: true,
      failed: false,
      created: { recommendations: 3, actions: 3, updates: 3, posts: 4 },
    });
    expect(r.changes[0]).toEqual({ kind: 'create', entity: 'plan', ref: 'TEST' });
    expect(await snapshot()).toEqual(empty);
  });

  it('writes nothing when the database fails half way through', async () => {
    await applyParsedPlan(ctx(), parse(ROWS.slice(0, 1)), opts);
    const before = await snapshot();
    // The last batch (update history) fails after recommendations, actions and owners were written.
    const prisma = t.db.prisma;
    const failing = new Proxy(prisma, {
      get(target, prop) {
        if (prop !== '$transaction') return Reflect.get(target, prop);
        return (fn: (tx: Tx) => Promise<unknown>, o: object) =>
          target.$transaction(
            (tx) =>
              fn(
                new Proxy(tx, {
                  get: (txTarget, prop) =>
                    prop === '$executeRaw'
                      ? (sql: Prisma.Sql) =>
                          sql.sql.startsWith('INSERT INTO "Update"')
                            ? Promise.reject(new Error('disk full'))
                            : txTarget.$executeRaw(sql)
                      : Reflect.get(txTarget, prop),
                }),
              ),
            o,
          );
      },
    });
    const r = await applyParsedPlan({ db: { ...t.db, prisma: failing }, now: clock.now }, parse(), opts);
    expect(r.failed).toBe(true);
    expect(r.problems).toContainEqual({
      file: 'plan.csv',
      message: 'import failed, nothing was written: disk full',
      severity: 'error',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a plan with repeated refs before touching the database', async () => {
    const parsed = parse();
    parsed.recommendations[1].actions[0].ref = '1';
    const r = await applyParsedPlan(ctx(), parsed, opts);
    expect(r.failed).toBe(true);
    expect(r.problems).toContainEqual(
      expect.objectContaining({ message: 'action ref 1 is used more than once', severity: 'error', row: 5 }),
    );
    expect((await snapshot()).plans).toBe(0);
  });

  it('keeps a post named twice in one cell as one owner', async () => {
    const r = await applyParsedPlan(ctx(), parse(['1,Do it,FCR / FCR,Now,,,,No,']), opts);
    expect(r.failed).toBe(false);
    expect(await t.db.prisma.actionOwner.count()).toBe(1);
  });

  it('takes recommendations with no actions: draft areas for improvement from an inspection report', async () => {
    const report = readFileSync(path.join(__dirname, '../../fixtures/import/hmic-mps-baseline-assessment-2006.md'));
    const drafts = await draftFromInspectionReport(report, 'baseline.md');
    const r = await applyParsedPlan(ctx(), drafts, {
      planKey: 'MPS-BASELINE',
      title: 'MPS baseline 2006',
      source: 'baseline.md',
    });
    expect(r.failed).toBe(false);
    expect(r.counts.actions).toBe(0);
    expect(r.created.recommendations).toBe(drafts.recommendations.length);
    const first = await t.db.prisma.recommendation.findFirstOrThrow({ orderBy: { position: 'asc' } });
    expect(first).toMatchObject({
      ref: drafts.recommendations[0].ref,
      section: drafts.recommendations[0].section,
      context: expect.stringMatching(/^Grade: /),
    });
    expect((await applyParsedPlan(ctx(), drafts, { planKey: 'MPS-BASELINE', source: 'baseline.md' })).changes).toEqual(
      [],
    );
  });
});
