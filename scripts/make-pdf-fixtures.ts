/**
 * `npx tsx scripts/make-pdf-fixtures.ts`: writes the PDF plans the importer's tests read
 * (test/fixtures/plans/*.pdf), the way plans are published: a ruled table that runs on over a page break
 * under a title, and a plan written as prose. Committed with their output so the tests need no generator.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';

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

function drawRow(page: PDFPage, font: PDFFont, cells: string[], y: number) {
  for (const [i, cell] of cells.entries())
    page.drawText(cell, { x: COLUMNS[i] + 3, y: y + 7, size: 7, font, maxWidth: COLUMNS[i + 1] - COLUMNS[i] - 6 });
  page.drawLine({ start: { x: COLUMNS[0], y }, end: { x: COLUMNS.at(-1)!, y }, thickness: 0.5 });
  page.drawLine({ start: { x: COLUMNS[0], y: y + ROW }, end: { x: COLUMNS.at(-1)!, y: y + ROW }, thickness: 0.5 });
  for (const x of COLUMNS) page.drawLine({ start: { x, y }, end: { x, y: y + ROW }, thickness: 0.5 });
}

async function tablePlan(): Promise<Uint8Array> {
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
  return doc.save({ useObjectStreams: false });
}

async function scanned(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage(A4_LANDSCAPE);
  return doc.save({ useObjectStreams: false });
}

async function main() {
  writeFileSync(path.join(OUT, 'ruled-table.pdf'), await tablePlan());
  writeFileSync(path.join(OUT, 'scanned.pdf'), await scanned());
}

main();
