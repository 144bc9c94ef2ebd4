/**
 * Import benchmark: a generated 10,000-row plan (.xlsx, fixed seed) shaped like the seed plans —
 * sections, recommendations with 1–8 actions, cells naming several posts with roles, dated update
 * logs, due dates in the plans' own wordings — parsed and applied to a fresh SQLite database.
 * Target: under 3 s for parse + apply. `npx tsx bench/import.ts [rows]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openDb } from '../core/db/client';
import { migrate } from '../core/db/migrate';
import { applyParsedPlan } from '../core/import/apply';
import { parsePlanFile } from '../core/import/parse-plan';
import { prng } from '../test/helpers/prng';

export interface BenchImportOptions {
  rows?: number;
  seed?: number;
}

export interface TimedImport {
  ms: number;
  parseMs: number;
  applyMs: number;
  actions: number;
  updates: number;
}

export interface BenchImportResult extends TimedImport {
  rows: number;
}

const POSTS = [
  'Deputy Chief Constable',
  'Head of SDD',
  'FCR',
  'ACC Scotland',
  'DCS Crime',
  'Head of Contact Management',
  'Cdr Foy',
  'Cdr Jarman',
  'Head of Offender Management',
  'Force Crime Registrar',
];
const DUES = [
  'Now',
  'Dec 03',
  '01-Mar-15',
  '17/04/2015',
  'Feb 2004',
  'Spring 2004',
  'Early 2004',
  'Q4 2015',
  'Ongoing',
  'Within three months',
];
const SECTIONS = ['IMMEDIATE', 'WITHIN THREE MONTHS', 'WITHIN SIX MONTHS', 'CRIME DATA ISSUES'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A plan workbook of `rows` action rows in the board layout with an Action column. */
export async function generatePlanXlsx(rows: number, seed = 42): Promise<Buffer> {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Plan');
  sheet.addRow(['GENERATED IMPROVEMENT PLAN']);
  sheet.addRow(['HMIC report issued 23 December 2014']);
  sheet.addRow(['Improvement Plan Owner: Strategic Development Department']);
  sheet.addRow([
    'Ref',
    'Recommendation',
    'Action',
    'Action Owner',
    'Due Date',
    'Initial Response',
    'Latest Update',
    'Date of Update',
    'Complete Yes/No',
    'RAG Status',
  ]);
  let written = 0;
  for (let rec = 1; written < rows; rec++) {
    if (rec % 50 === 1) sheet.addRow([SECTIONS[Math.floor(rec / 50) % SECTIONS.length]]);
    const actions = Math.min(1 + Math.floor(rand() * 8), rows - written);
    for (let a = 0; a < actions; a++, written++) {
      const owners = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(POSTS));
      const ownerCell = rand() < 0.3 ? owners.map((o, i) => `${o} - area ${i + 1}`).join(' / ') : owners.join(' / ');
      const log = Array.from(
        { length: Math.floor(rand() * 4) },
        (_, i) =>
          `${1 + i * 7} ${MONTHS[(rec + i) % 12]} 2015 - Progress note ${i + 1} on action ${rec}.${a + 1}, reviewed at the board.`,
      );
      sheet.addRow([
        a === 0 ? String(rec) : '',
        a === 0 ? `The force should improve area ${rec} so that crime data is recorded with integrity.` : '',
        `Deliver improvement ${a + 1} for recommendation ${rec} and report to the Integrity and Compliance Board`,
        ownerCell,
        pick(DUES),
        rand() < 0.8 ? `Agreed. Work on ${rec}.${a + 1} is planned.` : '',
        log.join('\n'),
        log.length ? `${1 + (log.length - 1) * 7}/${((rec + log.length - 1) % 12) + 1}/2015` : '',
        rand() < 0.2 ? 'Yes' : 'No',
        pick(['R', 'A', 'G', '']),
      ]);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function benchImport(opts: BenchImportOptions = {}): Promise<BenchImportResult> {
  const rows = opts.rows ?? 10_000;
  return { rows, ...(await timedImport(await generatePlanXlsx(rows, opts.seed), 'generated.xlsx')) };
}

/** Parse + apply of a plan file into a fresh SQLite database, timed as one import and by its two halves. */
export async function timedImport(file: Buffer, fileName: string): Promise<TimedImport> {
  const dir = mkdtempSync(path.join(tmpdir(), 'chaser-bench-import-'));
  const url = `file:${path.join(dir, 'bench.db')}`;
  try {
    await migrate(url);
    const db = await openDb(url);
    try {
      const start = performance.now();
      const parsed = await parsePlanFile(file, fileName);
      const parsedAt = performance.now();
      const result = await applyParsedPlan({ db, now: () => new Date('2015-06-01T09:00:00Z') }, parsed, {
        planKey: 'BENCH',
        source: fileName,
      });
      const end = performance.now();
      if (result.failed) throw new Error(`bench import failed: ${result.problems.map((p) => p.message).join('; ')}`);
      return {
        ms: end - start,
        parseMs: parsedAt - start,
        applyMs: end - parsedAt,
        actions: result.counts.actions,
        updates: result.counts.updates,
      };
    } finally {
      await db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchImport({ rows: Number(process.argv[2]) || undefined }).then((r) => {
    console.log(
      `import ${r.rows} rows: ${Math.round(r.ms)} ms (parse ${Math.round(r.parseMs)} ms, apply ${Math.round(r.applyMs)} ms; ${r.actions} actions, ${r.updates} updates) — target < 3000 ms`,
    );
  });
}
