/** `npm run chaser -- import` and `export`: reports, exit codes, size limit, dry run, re-import. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../bot/cli/run';
import { LOOKED_FOR } from '../../core/import/headers';
import { createTestDb, type TestDatabase } from '../helpers/db';
import { testClock } from '../helpers/clock';
import { planThenOtherTables } from '../helpers/unruled-pdf';

let t: TestDatabase;
const clock = testClock('2015-06-01T09:00:00Z');
const dir = mkdtempSync(path.join(tmpdir(), 'chaser-import-cli-'));

async function cli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {
    env: { DATABASE_URL: t.url, ...env },
    now: clock.now,
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out, err };
}
const file = (name: string, text: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

const PLAN = [
  'NCRS ACTION PLAN',
  'Ref,Recommendation,Action,Action Owner,Due Date,Latest Update,RAG Status',
  '1,Improve crime recording,Train call handlers,Head of Contact Management,Dec 03,Jan 2004 - Course designed,A',
  ',,Audit a sample of incidents,Force Crime Registrar,Smarch 2004,,',
].join('\n');

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

describe('import', () => {
  it('dry run: prints what would be created and each problem with file, row and column; writes nothing', async () => {
    const r = await cli(['import', file('ncrs-plan.csv', PLAN), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'ncrs-plan.csv → plan NCRS-PLAN (dry run: nothing written)',
      'in the file: 1 recommendations, 2 actions, 2 owners, 1 updates',
      'would create: 1 recommendations, 2 actions, 2 owner posts, 1 updates',
      'would update: 0 recommendations, 0 actions',
      '1 problem:',
      "ncrs-plan.csv row 4, Due Date: due date 'Smarch 2004' not understood — kept as text, no date",
    ]);
    expect(await t.db.prisma.plan.count()).toBe(0);
  });

  it('dry run of a PDF plan followed by other tables: names each table left out, counts only the plan', async () => {
    const r = await cli(['import', file('adoption-plan.pdf', await planThenOtherTables()), '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'adoption-plan.pdf → plan ADOPTION-PLAN (dry run: nothing written)',
      // Its Progress column says only 'In progress' and 'Not started': statuses, not progress notes.
      'in the file: 4 recommendations, 4 actions, 4 owners, 0 updates',
      'would create: 4 recommendations, 4 actions, 4 owner posts, 0 updates',
      'would update: 0 recommendations, 0 actions',
      '3 problems:',
      "adoption-plan.pdf row 7: left out, as not a plan table: 'Milestone | Date' and the rows under it",
      "adoption-plan.pdf row 14: left out, as not a plan table: 'Term | Meaning' and the rows under it",
      "adoption-plan.pdf row 18: left out, as not a plan table: 'Signed: J. Patel | Date: 14 April 2025' and the rows under it",
    ]);
    expect(await t.db.prisma.plan.count()).toBe(0);
  });

  it('imports under --plan, then a second import of the same file changes nothing', async () => {
    const p = file('ncrs-plan.csv', PLAN);
    const first = await cli(['import', p, '--plan', 'ncrs', '--title', 'NCRS 2003']);
    expect(first.code).toBe(0);
    expect(first.out[0]).toBe('ncrs-plan.csv → plan NCRS');
    expect(await t.db.prisma.plan.findUnique({ where: { key: 'NCRS' } })).toMatchObject({ title: 'NCRS 2003' });
    const again = await cli(['import', p, '--plan', 'NCRS']);
    expect(again.out).toContain('nothing changed: the plan already matches the file');
    expect(again.out).toContain('create: 0 recommendations, 0 actions, 0 owner posts, 0 updates');
  });

  it('reports a changed action field by field', async () => {
    const r = await cli(['import', file('ncrs-plan.csv', PLAN.replace('Dec 03', 'Mar 04')), '--plan', 'NCRS']);
    expect(r.out).toContain('  change action 1.1 (row 3): due date 31 Dec 2003 (Dec 03) → 31 Mar 2004 (Mar 04)');
  });

  it('rejects a file with no recognisable table, naming the headers it looked for', async () => {
    const r = await cli(['import', file('notes.txt', 'Minutes of the meeting\nNothing to see here')]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['notes.txt: nothing imported']);
    expect(r.err).toEqual([
      `notes.txt: no plan table found — looked for a header row naming at least three of: ${LOOKED_FOR}`,
    ]);
  });

  it('refuses a file over MAX_UPLOAD_BYTES without reading it', async () => {
    const r = await cli(['import', file('big.csv', PLAN)], { MAX_UPLOAD_BYTES: '100' });
    expect(r.code).toBe(1);
    expect(r.err[0]).toBe('big.csv is larger than 1 KB, the largest plan file Chaser imports.');
  });

  it('drafts recommendations from an inspection report with --areas-for-improvement', async () => {
    const report = path.join(__dirname, '../fixtures/import/hmic-mps-baseline-assessment-2006.md');
    const r = await cli(['import', report, '--areas-for-improvement', '--plan', 'MPS-2006']);
    expect(r.code).toBe(0);
    expect(r.out[1]).toMatch(/^in the file: \d+ recommendations, 0 actions, 0 owners, 0 updates$/);
    expect(
      await t.db.prisma.recommendation.count({
        where: { plan: { key: 'MPS-2006' }, context: { startsWith: 'Grade: ' } },
      }),
    ).toBeGreaterThan(0);
  });

  it('needs a file', async () => {
    expect((await cli(['import'])).code).toBe(2);
  });
});

describe('export', () => {
  it('writes csv to stdout and xlsx to --out', async () => {
    const csv = await cli(['export', '--plan', 'ncrs', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.out[0].split('\r\n')).toContain(
      'Ref,Area for Improvement,Action,Action Owner,Due Date,Original Due Date,Times Revised,Initial Response,Latest Update,Date of Update,Complete Yes/No,RAG Status,Outcome,Evidence',
    );
    const out = path.join(dir, 'ncrs.xlsx');
    const xlsx = await cli(['export', '--plan', 'NCRS', '--format', 'xlsx', '--out', out]);
    expect(xlsx).toMatchObject({ code: 0, out: [`wrote ${out}`] });
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses bad arguments and unknown plans', async () => {
    expect((await cli(['export', '--plan', 'NCRS', '--format', 'pdf'])).code).toBe(2);
    expect((await cli(['export', '--plan', 'NCRS', '--format', 'csv', '--as-of', '2015-02-30'])).code).toBe(2);
    expect(await cli(['export', '--plan', 'NOPE', '--format', 'csv'])).toMatchObject({
      code: 1,
      err: ['no plan with key NOPE'],
    });
  });
});
