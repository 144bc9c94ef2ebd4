/**
 * `npx tsx scripts/make-pdf-fixtures.ts`: writes the PDF plans the importer's tests read
 * (test/fixtures/plans/*.pdf), the way plans are published: a ruled table that runs on over a page break
 * under a title, alone and followed by a ruled timeline; one in narrow columns, its cells wrapped over lines; one
 * whose recommendation cells are merged down over their actions; a table set out without lines, its headings and cells wrapped over lines, running on to a second
 * page; recommendations as headings each over a small unruled table; an inspection report whose graded areas
 * list areas for improvement as bullets; a scan; a password-protected file.
 * Committed with their output so the tests need no generator.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, type PDFFont, PDFHexString, type PDFPage, StandardFonts } from 'pdf-lib';
import { drawRuledRow, type Merged } from '../test/helpers/ruled-pdf';

const OUT = path.join(__dirname, '../test/fixtures/plans');
const A4_LANDSCAPE: [number, number] = [842, 595];
const COLUMNS = [40, 80, 260, 470, 640, 720, 800];
const ROW = 22;

const HEADER = ['Ref', 'Recommendation', 'Action', 'Lead officer', 'Target date', 'Status'];
const ROWS = [
  [
    '1',
    'Improve the accuracy of crime recording',
    'Train all call handlers in the recording rules',
    'Head of Contact Management',
    '31/03/2025',
    'Implemented',
  ],
  [
    '2',
    'Audit compliance every month',
    'Publish a monthly audit of incidents',
    'Head of Crime Registry',
    'Sep-24',
    'In progress',
  ],
  [
    '3',
    'Review cancelled crimes',
    'Dip sample cancelled crimes each quarter',
    'Force Crime Registrar',
    'Q2 2025/26',
    'Not started',
  ],
  [
    '4',
    'Supervise out-of-court disposals',
    'Introduce a scrutiny panel',
    'Detective Superintendent',
    '30 Sept 2025',
    'Closed - risk accepted',
  ],
];

/** Fixed dates, so running the script again writes the same bytes. */
function save(doc: PDFDocument): Promise<Uint8Array> {
  doc.setCreationDate(new Date('2025-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2025-01-01T00:00:00Z'));
  return doc.save({ useObjectStreams: false });
}

function drawRow(page: PDFPage, font: PDFFont, cells: string[], y: number, columns = COLUMNS) {
  for (const [i, cell] of cells.entries())
    page.drawText(cell, { x: columns[i] + 3, y: y + 7, size: 7, font, maxWidth: columns[i + 1] - columns[i] - 6 });
  page.drawLine({ start: { x: columns[0], y }, end: { x: columns.at(-1)!, y }, thickness: 0.5 });
  page.drawLine({ start: { x: columns[0], y: y + ROW }, end: { x: columns.at(-1)!, y: y + ROW }, thickness: 0.5 });
  for (const x of columns) page.drawLine({ start: { x, y }, end: { x, y: y + ROW }, thickness: 0.5 });
}

/** The ruled plan: its title, header and two rows, and two more rows on a second page, where `more` may draw. */
async function tablePlan(more: (page: PDFPage, font: PDFFont) => void = () => undefined): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const first = doc.addPage(A4_LANDSCAPE);
  first.drawText('Crime Data Integrity Improvement Plan', { x: 40, y: 550, size: 14, font });
  drawRow(first, font, HEADER, 500);
  drawRow(first, font, ROWS[0], 500 - ROW);
  drawRow(first, font, ROWS[1], 500 - 2 * ROW);
  // The table runs on to the next page without its header, as a printed plan does.
  const second = doc.addPage(A4_LANDSCAPE);
  drawRow(second, font, ROWS[2], 540);
  drawRow(second, font, ROWS[3], 540 - ROW);
  more(second, font);
  return save(doc);
}

/** Under the plan, a heading and a ruled timeline of its own (two columns): not part of the plan. */
function timeline(page: PDFPage, font: PDFFont) {
  page.drawText('Timeline', { x: 40, y: 460, size: 12, font });
  const columns = [40, 300, 480];
  drawRow(page, font, ['Milestone', 'Date'], 420, columns);
  drawRow(page, font, ['Report published', '12 June 2024'], 420 - ROW, columns);
  drawRow(page, font, ['Revisit by the inspectorate', 'Spring 2026'], 420 - 2 * ROW, columns);
}

/** Text without rules: each cell a column of lines, as Word prints a table with its borders turned off. */
const SIZE = 8;
const LEADING = SIZE * 1.2;

function drawUnruledRow(page: PDFPage, font: PDFFont, columns: number[], cells: string[][], top: number): number {
  for (const [i, lines] of cells.entries())
    for (const [k, line] of lines.entries())
      page.drawText(line, { x: columns[i], y: top - k * LEADING, size: SIZE, font });
  const height = Math.max(...cells.map((lines) => lines.length)) * LEADING;
  return top - height - SIZE;
}

const UNRULED_COLUMNS = [40, 75, 260, 450, 600, 680];

async function unruledPlan(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const first = doc.addPage(A4_LANDSCAPE);
  first.drawText('Fostering Service Inspection: Action Plan', { x: 40, y: 550, size: 14, font: bold });
  first.drawText('Date of assessment: 14 March 2025', { x: 40, y: 530, size: SIZE, font });
  let y = drawUnruledRow(
    first,
    bold,
    UNRULED_COLUMNS,
    [['No.'], ['Area for improvement'], ['Agreed', 'action'], ['Lead', 'officer'], ['By when'], ['Progress']],
    500,
  );
  y = drawUnruledRow(
    first,
    font,
    UNRULED_COLUMNS,
    [
      ['1'],
      ['Managers do not record their', 'oversight of decisions'],
      ['Introduce monthly case audits by', 'team managers'],
      ['Head of Safeguarding &', 'Head of Quality'],
      ['Mar-25'],
      ['Implemented'],
    ],
    y,
  );
  y = drawUnruledRow(
    first,
    font,
    UNRULED_COLUMNS,
    [
      ['2'],
      ['Carers are not told how to', 'raise a complaint'],
      ['Publish a complaints guide for', 'foster carers'],
      ['J. Smith, Service Manager'],
      ['Q3 2025/26'],
      ['In progress'],
    ],
    y,
  );
  drawUnruledRow(
    first,
    font,
    UNRULED_COLUMNS,
    [
      ['3'],
      ['Reviews are late'],
      ['Hold every review on time'],
      ['Independent Reviewing', 'Manager'],
      ['End of June 2025'],
      [],
    ],
    y,
  );
  // The table runs on to the next page without its header.
  const second = doc.addPage(A4_LANDSCAPE);
  drawUnruledRow(
    second,
    font,
    UNRULED_COLUMNS,
    [
      ['4'],
      ['Carers lack training'],
      ['Train all carers in', 'safer caring'],
      ['Head of Learning'],
      ['Autumn term 2025'],
      ['Not started'],
    ],
    540,
  );
  return save(doc);
}

const HEADED_COLUMNS = [40, 230, 420, 600];

async function headedPlan(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage(A4_LANDSCAPE);
  page.drawText('Improvement plan', { x: 40, y: 550, size: 14, font: bold });
  let y = 520;
  for (const [heading, row] of [
    [
      'R1. The council should publish its inspection results.',
      [['Results are not published'], ['Publish results each quarter'], ['Head of Comms'], ['Q3 2024/25']],
    ],
    [
      'R2. The council should train its staff.',
      [['Training is patchy'], ['Train all staff'], ['Head of HR & Head of Learning'], ['Spring term 2025']],
    ],
  ] as const) {
    page.drawText(heading, { x: 40, y, size: 10, font: bold });
    y = drawUnruledRow(
      page,
      bold,
      HEADED_COLUMNS,
      [['Finding'], ['Agreed action'], ['Responsible officer'], ['By when']],
      y - 20,
    );
    y =
      drawUnruledRow(
        page,
        font,
        HEADED_COLUMNS,
        row.map((cell) => [...cell]),
        y,
      ) - 10;
  }
  return save(doc);
}

async function inspectionReport(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage([595, 842]);
  let y = 800;
  const write = (text: string, opts: { x?: number; size?: number; bold?: boolean; gap?: number } = {}) => {
    const size = opts.size ?? 10;
    page.drawText(text, { x: opts.x ?? 50, y, size, font: opts.bold ? bold : font });
    if (opts.gap !== 0) y -= opts.gap ?? size * 1.4;
  };
  write('Baseline Assessment 2006', { size: 18, bold: true, gap: 40 });
  write('1A Fairness and Equality in Service Delivery', { size: 14, bold: true });
  write('Grade', { gap: 0 });
  write('Direction of Travel', { x: 250 });
  write('Fair', { gap: 0 });
  write('Improved', { x: 250, gap: 24 });
  write('Areas for Improvement', { size: 12, bold: true });
  write('•', { x: 55, gap: 0 });
  write('At borough level there is a need to improve communication with', { x: 70 });
  write('minority communities.', { x: 70 });
  write('•', { x: 55, gap: 0 });
  write('Hate crime reporting needs a single point of contact.', { x: 70, gap: 24 });
  write('Strengths', { size: 12, bold: true });
  write('•', { x: 55, gap: 0 });
  write('Staff networks are well supported.', { x: 70, gap: 24 });
  write('2A Volume Crime Reduction', { size: 14, bold: true });
  write('Grade', { gap: 0 });
  write('Direction of Travel', { x: 250 });
  write('Good', { gap: 0 });
  write('Stable', { x: 250, gap: 24 });
  write('Areas for Improvement', { size: 12, bold: true });
  write('•', { x: 55, gap: 0 });
  write('Burglary detections remain low.', { x: 70 });
  return save(doc);
}

/**
 * Standard security handler, revision 2: the user password's check value (/U) is one no password makes, so
 * a reader asks for a password, as it does for a plan saved with one.
 */
async function passwordProtected(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await unruledPlan());
  const check = PDFHexString.of('00'.repeat(32));
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -4, O: check, U: check });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('01'.repeat(16)), PDFHexString.of('01'.repeat(16))]);
  return save(doc);
}

async function scanned(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage(A4_LANDSCAPE);
  return save(doc);
}

const WRAPPED_COLUMNS = [40, 70, 250, 420, 530, 600, 680];

/** A ruled plan in narrow columns, as Word prints one: most cells run over two or three lines. */
async function wrappedPlan(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage(A4_LANDSCAPE);
  page.drawText('Public Protection Inspection: Improvement Plan', { x: 40, y: 550, size: 14, font: bold });
  let top = drawRuledRow(page, bold, WRAPPED_COLUMNS, HEADER, 520);
  for (const row of [
    [
      '1',
      'The force should make sure that every referral about a child at risk is assessed within 24 hours',
      'Train every member of the referral unit in the risk assessment tool and audit a sample each month',
      'Detective Superintendent, Public Protection',
      'End of June 2025',
      'Closed - risk accepted',
    ],
    [
      '2',
      'The force should improve how it shares information with its partners in the safeguarding hub',
      'Agree an information sharing protocol with the council and the health board',
      'Head of Safeguarding & Head of Partnerships',
      '30 September 2024',
      'In progress',
    ],
    [
      '3',
      'The force should review the supervision of officers who investigate domestic abuse',
      'Publish a supervision standard for Domestic Abuse Investigation Units',
      'Head of Learning and Development',
      'Q3 2025/26',
      'Implemented and embedded',
    ],
    // Two owners, each on a line of its own.
    [
      '4',
      'The force should vet every member of the referral unit',
      'Vet the remaining staff',
      'Head of HR\nHead of Vetting',
      'Sep-25',
      'Not started',
    ],
  ])
    top = drawRuledRow(page, font, WRAPPED_COLUMNS, row, top);
  return save(doc);
}

const MERGED_COLUMNS = [40, 70, 250, 460, 600, 680];

/** A ruled plan whose ref and recommendation cells are merged down over the recommendation's actions. */
async function mergedPlan(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const page = doc.addPage(A4_LANDSCAPE);
  page.drawText('Crime Recording: Improvement Plan', { x: 40, y: 550, size: 14, font: bold });
  const header = ['Ref', 'Recommendation', 'Action', 'Lead officer', 'Target date'];
  let top = drawRuledRow(page, bold, MERGED_COLUMNS, header, 520);
  const rows: [string[], Merged][] = [
    [
      [
        '1',
        'The force should improve the accuracy of its crime recording',
        'Train every call handler in the recording rules',
        'Head of Contact Management',
        '31/03/2025',
      ],
      { openBelow: 2 },
    ],
    [
      ['', '', 'Audit a sample of calls every month', 'Force Crime Registrar', '30/06/2025'],
      { openAbove: 2, openBelow: 2 },
    ],
    [['', '', 'Report the audit results to the board', 'Head of Performance', 'Q2 2025/26'], { openAbove: 2 }],
    [
      [
        '2',
        'The force should review the crimes it cancels',
        'Dip sample cancelled crimes each quarter',
        'Detective Superintendent',
        'Sep-25',
      ],
      {},
    ],
  ];
  for (const [cells, merged] of rows) top = drawRuledRow(page, font, MERGED_COLUMNS, cells, top, merged);
  return save(doc);
}

async function main() {
  writeFileSync(path.join(OUT, 'ruled-table.pdf'), await tablePlan());
  writeFileSync(path.join(OUT, 'ruled-table-timeline.pdf'), await tablePlan(timeline));
  writeFileSync(path.join(OUT, 'scanned.pdf'), await scanned());
  writeFileSync(path.join(OUT, 'unruled-table.pdf'), await unruledPlan());
  writeFileSync(path.join(OUT, 'headed-tables.pdf'), await headedPlan());
  writeFileSync(path.join(OUT, 'password.pdf'), await passwordProtected());
  writeFileSync(path.join(OUT, 'inspection-report.pdf'), await inspectionReport());
  writeFileSync(path.join(OUT, 'ruled-wrapped.pdf'), await wrappedPlan());
  writeFileSync(path.join(OUT, 'ruled-merged.pdf'), await mergedPlan());
}

main();
