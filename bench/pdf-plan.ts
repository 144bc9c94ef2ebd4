/**
 * A plan published as PDF, as Word prints a long one: a ruled table under the plan's title running across
 * A4-landscape pages, its header row repeated at the top of each page, cells wrapped over as many lines
 * as their text needs, recommendations with one to three actions (the recommendation's cells left empty
 * on its later actions). Drawn with pdf-lib, fixed seed. `npx tsx bench/pdf-plan.ts [pages]` times its
 * import against the 10 s target.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { prng } from '../test/helpers/prng';
import { drawRuledRow, ruledRowHeight } from '../test/helpers/ruled-pdf';
import { type TimedImport, timedImport } from './import';

const PAGE: [number, number] = [842, 595];
const COLUMNS = [30, 62, 232, 402, 502, 572, 632, 812];
const HEADER = ['Ref', 'Recommendation', 'Agreed action', 'Lead officer', 'Target date', 'Status', 'Latest update'];
const TOP = 555;
const BOTTOM = 40;

const FINDINGS = [
  'The force should improve the accuracy of its crime recording so that victims receive the service they are entitled to',
  'Supervisors should review every cancelled crime within seven days and record the reason for their decision',
  'The council should make sure that assessments of children in need are completed within statutory timescales',
  'Managers should record their oversight of case decisions on the child’s file',
  'The trust should ensure that staff complete mandatory safeguarding training and that compliance is monitored',
  'Procurement waivers should be approved by the section 151 officer and reported to the audit committee',
];
const ACTIONS = [
  'Deliver refresher training on the recording rules to all call handlers and first-line supervisors',
  'Introduce a monthly dip sample of incidents, reported to the Crime Data Integrity Board',
  'Publish a revised procedure and brief every team at its next meeting',
  'Add a mandatory field for the supervisor’s rationale to the case management system',
  'Report compliance figures to the quality and performance committee each quarter',
  'Agree a data sharing protocol with partner agencies',
];
const OWNERS = [
  'Head of Contact Management',
  'Force Crime Registrar',
  'Head of Safeguarding & Head of Quality',
  'J. Smith, Director of Finance',
  'Detective Superintendent, Public Protection',
  'Head of Procurement',
];
const DUES = ['31/03/2025', 'Sep-24', 'Q2 2025/26', '30 Sept 2025', 'End of June 2025', 'Autumn term 2025'];
const STATUSES = ['Not started', 'In progress', 'Implemented', 'Complete', 'Overdue', 'Closed - risk accepted'];
const UPDATES = [
  'Training plan agreed at the board in March; first sessions delivered, 60% of staff trained to date.',
  'Awaiting the system change from the supplier.',
  '',
  'Audit completed and reported to the committee; actions to be verified.',
];

export interface GeneratedPdfPlan {
  pdf: Buffer;
  actions: number;
  recommendations: number;
}

/** A plan of `pages` full pages of actions; fixed bytes for a seed. */
export async function generatePlanPdf(pages = 50, seed = 42): Promise<GeneratedPdfPlan> {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date('2025-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2025-01-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let actions = 0;
  let rec = 0;
  let left = 0;
  for (let n = 0; n < pages; n++) {
    const page = doc.addPage(PAGE);
    let top = TOP;
    if (n === 0) {
      page.drawText('Crime Data Integrity Improvement Plan 2024-26', { x: COLUMNS[0], y: 570, size: 14, font: bold });
      top = 545;
    }
    top = drawRuledRow(page, bold, COLUMNS, HEADER, top);
    for (;;) {
      const first = left === 0;
      if (first) {
        rec++;
        left = 1 + Math.floor(rand() * 3);
      }
      const row = [
        first ? String(rec) : '',
        first ? `${pick(FINDINGS)} (finding ${rec}).` : '',
        `${pick(ACTIONS)}.`,
        pick(OWNERS),
        pick(DUES),
        pick(STATUSES),
        pick(UPDATES),
      ];
      if (top - ruledRowHeight(font, COLUMNS, row) < BOTTOM) {
        // The row goes to the next page; a new recommendation starts there again.
        if (first) rec--;
        left = first ? 0 : left;
        break;
      }
      top = drawRuledRow(page, font, COLUMNS, row, top);
      actions++;
      left--;
    }
  }
  return { pdf: Buffer.from(await doc.save()), actions, recommendations: rec };
}

/** Parse + apply of a generated `pages`-page PDF plan, as an upload is imported. */
export async function benchPdfImport(pages = 50, seed = 42): Promise<TimedImport & { pages: number }> {
  const { pdf } = await generatePlanPdf(pages, seed);
  return { pages, ...(await timedImport(pdf, 'generated-plan.pdf')) };
}

if (require.main === module) {
  benchPdfImport(Number(process.argv[2]) || undefined).then((r) => {
    console.log(
      `import of a ${r.pages}-page PDF: ${Math.round(r.ms)} ms (parse ${Math.round(r.parseMs)} ms, apply ${Math.round(r.applyMs)} ms; ${r.actions} actions) — target < 10000 ms`,
    );
  });
}
