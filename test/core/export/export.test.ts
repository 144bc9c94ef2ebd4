/**
 * Board packs: the layout boards read, RAG cells coloured in xlsx, the past rebuilt from the history,
 * and a round trip (export, import into a new plan) that keeps actions, owners, dates and history.
 */
import ExcelJS from 'exceljs';
import { applyParsedPlan } from '../../../core/import/apply';
import { parsePlan, parsePlanFile } from '../../../core/import/parse-plan';
import { exportPlan } from '../../../core/export/export-plan';
import { DEFAULT_RAG_WINDOWS } from '../../../core/rag';
import { createTestDb, type TestDatabase } from '../../helpers/db';
import { testClock } from '../../helpers/clock';

let t: TestDatabase;
const clock = testClock('2015-06-01T09:00:00Z');
const ctx = () => ({ db: t.db, now: clock.now, timeZone: 'Europe/London', ragWindows: DEFAULT_RAG_WINDOWS });

const PLAN = [
  'Crime Data Integrity Improvement Plan',
  'HMIC report issued 23 December 2014',
  'Improvement Plan Owner: Strategic Development Department',
  'Ref,Recommendation,Action,Action Owner,Due Date,Latest Update,Date of Update,Complete Yes/No,RAG Status',
  'IMMEDIATE',
  '1,Deliver a clear message on integrity,Publish a statement from chief officers,Deputy Chief Constable,Now,"Jan 2015 - Clinics started. 18 Apr 2015 - Statement drafted",,No,G',
  ',,Brief all supervisors,Cdr Foy- Metcall / Cdr Jarman - SNTs,Spring 2015,12/05/2015: Briefings booked,,No,A',
  'WITHIN THREE MONTHS',
  '2,Review rape transfer guidance,Issue guidance,Head of Offender Management,01-Mar-15,Guidance issued,17/04/2015,Yes,COMPLETE',
  '3,Audit incident closures,Sample 200 closures,FCR,Within three months,,,No,',
  '4,Keep the register current,10 checks a month,FCR,Ongoing,,,No,',
].join('\n');

beforeAll(async () => {
  t = await createTestDb();
  const r = await applyParsedPlan(ctx(), parsePlan(Buffer.from(PLAN), 'cdi.csv'), {
    planKey: 'CDI',
    source: 'cdi.csv',
  });
  expect(r.failed).toBe(false);
});
afterAll(() => t.drop());

async function planState(key: string) {
  const actions = await t.db.prisma.action.findMany({
    where: { plan: { key } },
    orderBy: { position: 'asc' },
    include: {
      recommendation: { select: { ref: true, text: true, section: true } },
      owners: { orderBy: { position: 'asc' }, include: { post: { select: { name: true } } } },
      updates: { where: { kind: 'progress' }, orderBy: { at: 'asc' } },
    },
  });
  return actions.map((a) => ({
    ref: a.ref,
    text: a.text,
    recommendation: a.recommendation,
    owners: a.owners.map((o) => [o.post.name, o.roleLabel]),
    due: [a.dueText, a.dueDate?.toISOString().slice(0, 10) ?? null, a.duePrecision],
    status: a.status,
    history: a.updates.map((u) => [u.at.toISOString().slice(0, 10), u.text]),
  }));
}

describe('export', () => {
  it('writes the layout boards read, with sections, one row per action and the log split into Initial Response and Latest Update', async () => {
    const csv = (await exportPlan(ctx(), 'CDI', 'csv'))!.toString('utf8').split('\r\n');
    expect(csv.slice(0, 4)).toEqual([
      'Crime Data Integrity Improvement Plan',
      'HMIC report issued 23 Dec 2014',
      'Improvement Plan Owner: Strategic Development Department',
      'Ref,Area for Improvement,Action,Action Owner,Due Date,Original Due Date,Times Revised,Initial Response,Latest Update,Date of Update,Complete Yes/No,RAG Status,Outcome,Evidence',
    ]);
    expect(csv[4]).toBe('IMMEDIATE');
    // Effective RAG, as boards read it: both are past their dates.
    expect(csv[5]).toBe(
      '1,Deliver a clear message on integrity,Publish a statement from chief officers,Deputy Chief Constable,Now,Now,0,1 Jan 2015 - Clinics started.,18 Apr 2015 - Statement drafted,18/04/2015,No,RED,,',
    );
    expect(csv[6]).toBe(
      ',,Brief all supervisors,Cdr Foy - Metcall / Cdr Jarman - SNTs,Spring 2015,Spring 2015,0,12 May 2015 - Briefings booked,,12/05/2015,No,RED,,',
    );
    expect(csv[7]).toBe('WITHIN THREE MONTHS');
    expect(csv[8]).toContain(',Yes,COMPLETE');
    // "10 checks a month" was read as action 10 ("checks a month"): refs the importer would not derive lead the text.
    expect(csv[10]).toContain(',10. checks a month,');
  });

  it('colours RAG cells in xlsx', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportPlan(ctx(), 'CDI', 'xlsx'))! as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(book.getWorksheet('Measures')?.getRow(2).values).toEqual([
      undefined,
      'Implemented and verified',
      expect.stringMatching(/^\d+%$/),
    ]);
    const FILL: Record<string, string> = {
      RED: 'FFFF0000',
      AMBER: 'FFFFC000',
      GREEN: 'FF00B050',
      COMPLETE: 'FF5B9BD5',
    };
    const rag: [string, string | undefined][] = [];
    sheet.eachRow((row) => {
      const cell = row.getCell(12);
      if (row.getCell(3).text && row.getCell(1).text !== 'Ref')
        rag.push([cell.text, (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb]);
    });
    expect(rag).toHaveLength(5);
    expect(rag.map(([text]) => text)).toEqual(expect.arrayContaining(['GREEN', 'COMPLETE']));
    for (const [text, argb] of rag) expect(argb).toBe(FILL[text]);
  });

  it('writes a Markdown table the importer reads back', async () => {
    const md = (await exportPlan(ctx(), 'CDI', 'md'))!;
    expect(md.toString()).toContain('| Ref | Area for Improvement | Action |');
    // The committee's measures follow the table, as a list the importer passes over.
    expect(md.toString()).toMatch(
      /## Measures\n\n- Implemented and verified: \d+%\n- Implemented by the date first promised: /,
    );
    const back = parsePlan(md, 'cdi.md');
    expect(back.recommendations.flatMap((r) => r.actions.map((a) => a.ref))).toEqual([
      '1.1',
      '1.2',
      '2.1',
      '3.1',
      '10',
    ]);
  });

  it.each(['csv', 'xlsx'] as const)(
    'round trip through %s: a new plan with the same actions, owners, dates and history',
    async (format) => {
      const file = (await exportPlan(ctx(), 'CDI', format))!;
      const parsed = await parsePlanFile(file, `cdi.${format}`);
      const key = `CDI-${format.toUpperCase()}`;
      const r = await applyParsedPlan(ctx(), parsed, { planKey: key, source: `cdi.${format}` });
      expect(r.failed).toBe(false);
      expect(await planState(key)).toEqual(await planState('CDI'));
      const [a, b] = await Promise.all(
        ['CDI', key].map((k) =>
          t.db.prisma.plan.findUniqueOrThrow({ where: { key: k }, include: { ownerPost: true } }),
        ),
      );
      expect([b.title, b.issuer, b.reportDate, b.ownerPost?.name]).toEqual([
        a.title,
        a.issuer,
        a.reportDate,
        a.ownerPost?.name,
      ]);
    },
  );

  it.each(['csv', 'xlsx', 'md'] as const)(
    'round trip through %s keeps the date first promised beside the current one',
    async (format) => {
      const key = `SLIP-${format.toUpperCase()}`;
      await applyParsedPlan(ctx(), parsePlan(Buffer.from(PLAN), 'cdi.csv'), { planKey: key, source: `${key}.csv` });
      // An approved move: 3.1 was first promised for 1 Jun 2015 and is now due 31 Mar 2016.
      await t.db.prisma.action.updateMany({
        where: { plan: { key }, ref: '3.1' },
        data: {
          originalDueDate: new Date('2015-06-01T00:00:00Z'),
          originalDueText: '01-Jun-15',
          dueDate: new Date('2016-03-31T00:00:00Z'),
          dueText: '31 Mar 2016',
          dueRevisions: 1,
        },
      });
      const file = (await exportPlan(ctx(), key, format))!;
      const back = `${key}-BACK`;
      expect(
        (
          await applyParsedPlan(ctx(), await parsePlanFile(file, `slip.${format}`), {
            planKey: back,
            source: `slip.${format}`,
          })
        ).failed,
      ).toBe(false);
      const moved = await t.db.prisma.action.findFirstOrThrow({ where: { plan: { key: back }, ref: '3.1' } });
      expect([moved.dueText, moved.dueDate, moved.originalDueText, moved.originalDueDate]).toEqual([
        '31 Mar 2016',
        new Date('2016-03-31T00:00:00Z'),
        '01-Jun-15',
        new Date('2015-06-01T00:00:00Z'),
      ]);
      // An action never moved reads back as it was: its first date is its due date.
      const pick = async (k: string) => {
        const a = await t.db.prisma.action.findFirstOrThrow({ where: { plan: { key: k }, ref: '1.1' } });
        return [a.dueText, a.dueDate, a.originalDueText, a.originalDueDate];
      };
      expect(await pick(back)).toEqual(await pick(key));
    },
  );

  it('--as-of: the plan as it stood, from the history (status, RAG, due date, owners and log)', async () => {
    // Chaser's own history after the import: an owner reports Red and a changed file moves a due date.
    const action = await t.db.prisma.action.findFirstOrThrow({ where: { plan: { key: 'CDI' }, ref: '3.1' } });
    await t.db.prisma.update.create({
      data: {
        actionId: action.id,
        at: new Date('2015-07-10T10:00:00Z'),
        kind: 'progress',
        text: 'No auditors',
        rag: 'RED',
        changes: JSON.stringify({ reportedRag: [null, 'RED'] }),
      },
    });
    await t.db.prisma.action.update({
      where: { id: action.id },
      data: {
        reportedRag: 'RED',
        reportedRagAt: new Date('2015-07-10T10:00:00Z'),
        lastUpdateAt: new Date('2015-07-10T10:00:00Z'),
      },
    });
    clock.set('2015-08-01T09:00:00Z');
    const moved = PLAN.replace('Within three months', '30/09/2015')
      .replace(',No,\n4', ',No,R\n4')
      .replace('FCR,30/09', 'Head of SDD,30/09');
    const changed = await applyParsedPlan(ctx(), parsePlan(Buffer.from(moved), 'cdi.csv'), {
      planKey: 'CDI',
      source: 'cdi.csv',
    });
    expect(changed.changes).toEqual([
      expect.objectContaining({
        kind: 'update',
        ref: '3.1',
        details: ['due date 23 Mar 2015 (Within three months) → 30 Sep 2015', 'owners FCR → Head of SDD'],
      }),
    ]);

    const row = async (asOf?: string) => {
      const csv = (await exportPlan(
        { ...ctx(), now: clock.now },
        'CDI',
        'csv',
        asOf ? new Date(`${asOf}T22:59:59Z`) : undefined,
      ))!.toString();
      // The record's columns (Outcome, Evidence) are empty for an open action.
      return csv
        .split('\r\n')
        .find((l) => l.startsWith('3,'))!
        .split(',')
        .slice(0, 12);
    };
    expect(await row()).toEqual([
      '3',
      'Audit incident closures',
      'Sample 200 closures',
      'Head of SDD',
      '30/09/2015',
      'Within three months',
      '0',
      '10 Jul 2015 - No auditors',
      '',
      '10/07/2015',
      'No',
      'RED',
    ]);
    expect(await row('2015-07-20')).toEqual([
      '3',
      'Audit incident closures',
      'Sample 200 closures',
      'FCR',
      'Within three months',
      'Within three months',
      '0',
      '10 Jul 2015 - No auditors',
      '',
      '10/07/2015',
      'No',
      'RED',
    ]);
    // Before the owner's report: no log, no reported RAG; overdue since the end of March.
    expect(await row('2015-06-30')).toEqual([
      '3',
      'Audit incident closures',
      'Sample 200 closures',
      'FCR',
      'Within three months',
      'Within three months',
      '0',
      '',
      '',
      '',
      'No',
      'RED',
    ]);
    const title = (await exportPlan(ctx(), 'CDI', 'csv', new Date('2015-06-30T22:59:59Z')))!
      .toString()
      .split('\r\n')[0];
    expect(title).toBe('Crime Data Integrity Improvement Plan — as at 30 Jun 2015');
  });

  it('as of a date before the plan existed shows no actions', async () => {
    const csv = (await exportPlan(ctx(), 'CDI', 'csv', new Date('2014-01-01T00:00:00Z')))!
      .toString()
      .trim()
      .split('\r\n');
    expect(csv[csv.length - 1]).toMatch(/^Ref,/);
  });
});

describe('exports a spreadsheet cannot be tricked by', () => {
  const FORMULA = '=HYPERLINK("http://evil.example/x","click me")';
  const COMMAND = "-2+3*cmd|' /C calc'!A1";
  const HOSTILE = [
    'Ref,Recommendation,Action,Action Owner,Due Date,Latest Update,Complete Yes/No,RAG Status',
    `1,"${FORMULA.replace(/"/g, '""')}",Publish the statement,@Head of SDD,01/03/2015,,No,G`,
    `2,${COMMAND},See [this](http://evil.example) now,FCR,01/04/2015,,No,A`,
  ].join('\n');

  beforeAll(async () => {
    const r = await applyParsedPlan(ctx(), parsePlan(Buffer.from(HOSTILE), 'hostile.csv'), {
      planKey: 'EVIL',
      source: 'hostile.csv',
    });
    expect(r.failed).toBe(false);
  });

  it('starts every cell a spreadsheet would evaluate with a quote, in CSV and xlsx, and keeps it text', async () => {
    const csv = (await exportPlan(ctx(), 'EVIL', 'csv'))!.toString('utf8');
    expect(csv).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
    expect(csv).toContain(`,'${COMMAND},`);
    expect(csv).toContain(",'@Head of SDD,");
    expect(csv).not.toMatch(/(^|,)"?[=+\-@][^,]/m);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await exportPlan(ctx(), 'EVIL', 'xlsx'))! as unknown as ArrayBuffer);
    const values: unknown[] = [];
    book.worksheets[0].eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values.filter((v) => typeof v !== 'string')).toEqual([]);
    expect(values.filter((v) => /^[=+\-@]./.test(v as string))).toEqual([]);
    expect(values).toEqual(expect.arrayContaining([`'${FORMULA}`, `'${COMMAND}`]));
  });

  it('escapes link markup in Markdown, and each format imports back to the same text', async () => {
    const md = (await exportPlan(ctx(), 'EVIL', 'md'))!.toString('utf8');
    expect(md).toContain('See \\[this\\](http://evil.example) now');
    for (const format of ['csv', 'md', 'xlsx'] as const) {
      const file = (await exportPlan(ctx(), 'EVIL', format))!;
      const back = (await parsePlanFile(file, `evil.${format}`)).recommendations;
      expect(back.map((r) => r.text)).toEqual([FORMULA, COMMAND]);
      expect(back.flatMap((r) => r.actions.map((a) => [a.text, a.owners[0].post]))).toEqual([
        ['Publish the statement', '@Head of SDD'],
        ['See [this](http://evil.example) now', 'FCR'],
      ]);
    }
  });
});
