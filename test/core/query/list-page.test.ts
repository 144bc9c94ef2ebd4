/**
 * Paging lists and "my actions" when actions share a position (the schema does not make positions
 * unique): each page is read the same way each time, so together the pages show each action once, on
 * both databases. PostgreSQL reads a list's page and its views in one statement, SQLite in plan slices.
 */
import type { CoreContext } from '../../../core/context';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { runQuery } from '../../../core/query/run';
import { listMyActions } from '../../../core/actions/mine';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { seedPerson, seedPlan } from '../../helpers/fixtures';

/** Enough tied rows that a sort without a tie-break returns them in different orders for different page ends. */
const REFS = Array.from({ length: 24 }, (_, i) => String(i + 1));
const EVERY_ACTION = ['TIE', 'ZED'].flatMap((key) => REFS.map((ref) => `${key}-${ref}`)).sort();

let t: TestDatabase;
let ctx: CoreContext;
let priya: { id: string };
beforeAll(async () => {
  t = await createTestDb();
  ctx = {
    db: t.db,
    now: () => new Date('2015-06-02T09:00:00Z'),
    timeZone: 'Europe/London',
    ragWindows: DEFAULT_RAG_WINDOWS,
    adminAadIds: [],
  };
  for (const key of ['TIE', 'ZED']) {
    await seedPlan(t.db, {
      key,
      actions: REFS.map((ref) => ({
        ref,
        owners: [`Owner ${ref}`],
        due: '2015-05-01',
        updates: [{ at: `2015-04-${ref.padStart(2, '0')}`, text: `note ${ref}` }],
      })),
    });
  }
  priya = await seedPerson(t.db, { displayName: 'Priya Shah', posts: REFS.map((ref) => `Owner ${ref}`) });
  const tie = await t.db.prisma.plan.findUniqueOrThrow({ where: { key: 'TIE' } });
  await t.db.prisma.action.updateMany({ where: { planId: tie.id }, data: { position: 1 } });
});
afterAll(() => t.drop());

const page = (n: number) =>
  runQuery(ctx, { kind: 'list', filter: { rag: ['RED'] }, tagOwners: false }, { pageSize: 5, page: n });

it('shows each action once across the pages, with its own owners and notes, when positions tie', async () => {
  const pages = [];
  for (let n = 0; n < 10; n++) pages.push(await page(n));
  expect(new Set(pages.map((p) => (p.kind === 'list' ? p.total : -1)))).toEqual(new Set([48]));
  const shown = pages.flatMap((p) => (p.kind === 'list' ? p.actions : []));
  expect(shown.map((a) => a.displayRef).sort()).toEqual(EVERY_ACTION);
  // ZED's positions are distinct: its actions come in order after all of TIE's.
  expect(shown.slice(REFS.length).map((a) => a.displayRef)).toEqual(REFS.map((ref) => `ZED-${ref}`));
  for (const a of shown) {
    expect(a.owners).toMatchObject([{ post: `Owner ${a.ref}` }]);
    expect(a.lastUpdate).toMatchObject({ text: `note ${a.ref}` });
  }
  expect(shown.find((a) => a.displayRef === 'TIE-3')!.owners[0].holders).toMatchObject([{ displayName: 'Priya Shah' }]);
  expect(shown.find((a) => a.displayRef === 'ZED-24')!.owners[0].holders).toMatchObject([
    { displayName: 'Priya Shah' },
  ]);
  // Read again, a page is the same page.
  expect(await page(1)).toEqual(pages[1]);
});

it("pages 'my actions' the same way when due dates, plans and positions tie", async () => {
  const shown = [];
  for (let n = 0; n < 10; n++) {
    const mine = await listMyActions(ctx, priya.id, n, 5);
    expect(mine.total).toBe(48);
    shown.push(...mine.actions.map((a) => a.displayRef));
  }
  expect(shown.sort()).toEqual(EVERY_ACTION);
});

it('refuses a page that is not whole rows before it reaches SQL', async () => {
  await expect(
    runQuery(ctx, { kind: 'list', filter: { rag: ['RED'] }, tagOwners: false }, { pageSize: 5, page: 0.5 }),
  ).rejects.toThrow(/whole rows/);
});
