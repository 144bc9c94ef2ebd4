/**
 * PDFs drawn for a test the way a word processor prints a table with its borders turned off: each cell a
 * column of lines of text at a place on an A4 landscape page, nothing else.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface PlacedText {
  x: number;
  y: number;
  text: string;
  size?: number;
  bold?: boolean;
}

const SIZE = 8;
const LEADING = SIZE * 1.2;

/** A row whose top line stands at `top`, cell k at `columns[k]`, each cell's lines one under another. */
export function unruledRow(columns: number[], top: number, cells: string[][], bold = false): PlacedText[] {
  return cells.flatMap((lines, k) =>
    lines.flatMap((text, n) => (text ? [{ x: columns[k], y: top - n * LEADING, text, size: SIZE, bold }] : [])),
  );
}

/** Where the next row starts under one whose top line stands at `top`: a gap of a line under its last line. */
export const rowBelow = (top: number, cells: string[][]) =>
  top - Math.max(...cells.map((lines) => lines.length)) * LEADING - SIZE;

export async function unruledPdf(pages: PlacedText[][]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const texts of pages) {
    const page = doc.addPage([842, 595]);
    for (const t of texts) page.drawText(t.text, { x: t.x, y: t.y, size: t.size ?? SIZE, font: t.bold ? bold : font });
  }
  return Buffer.from(await doc.save());
}

const PLAN_COLUMNS = [40, 75, 260, 450, 600, 680];
const PLAN_HEADER = [
  ['No.'],
  ['Area for improvement'],
  ['Agreed', 'action'],
  ['Lead', 'officer'],
  ['By when'],
  ['Progress'],
];
const TITLE = 'Adoption Service Improvement Plan';

/** Rows one under another from `top`, the first in bold when it is the table's header. */
function rowsFrom(columns: number[], top: number, rows: string[][][], header: boolean) {
  const texts: PlacedText[] = [];
  let y = top;
  for (const [k, cells] of rows.entries()) {
    texts.push(...unruledRow(columns, y, cells, header && k === 0));
    y = rowBelow(y, cells);
  }
  return { texts, bottom: y };
}

/**
 * A plan as a service publishes it: a table without rules whose second row runs over a page break, a running
 * title and page numbers on every page, then a timeline table under its heading; on the last page more of the
 * plan under a heading of its own and the plan's header again, then a glossary and a sign-off line, each under
 * its heading.
 */
export function planThenOtherTables(): Promise<Buffer> {
  const footer = (n: number): PlacedText => ({ x: 400, y: 25, text: `Page ${n} of 3` });
  const running: PlacedText = { x: 40, y: 570, text: TITLE };
  const heading = (text: string, y: number): PlacedText => ({ x: 40, y, text, size: 12, bold: true });

  const plan = rowsFrom(
    PLAN_COLUMNS,
    500,
    [
      PLAN_HEADER,
      [
        ['1'],
        ['Matching panels are late'],
        ['Hold every panel within', 'eight weeks'],
        ['Head of Adoption'],
        ['Mar-25'],
        ['In progress'],
      ],
    ],
    true,
  );
  const cut = [
    ['2'],
    ['Adopters wait too long for'],
    ['Publish a timetable for every'],
    ['Panel Adviser'],
    ['Q3 2025/26'],
    [],
  ];
  const pageOne = [
    { x: 40, y: 550, text: TITLE, size: 14, bold: true },
    ...plan.texts,
    ...unruledRow(PLAN_COLUMNS, 60, cut),
    footer(1),
  ];

  const runOn = rowsFrom(
    PLAN_COLUMNS,
    540,
    [
      [[], ['their assessment'], ['adopter at their first visit']],
      [
        ['3'],
        ['Life story work is late'],
        ['Complete a life story book', 'for every child'],
        ['Permanence Team Manager'],
        ['End of June 2025'],
        ['Not started'],
      ],
    ],
    false,
  );
  const timeline = rowsFrom(
    [40, 300],
    runOn.bottom - 50,
    [
      [['Milestone'], ['Date']],
      [['Panel timetable published'], ['April 2025']],
      [['Board reviews progress'], ['June 2025']],
    ],
    true,
  );
  const pageTwo = [running, ...runOn.texts, heading('Timeline', runOn.bottom - 30), ...timeline.texts, footer(2)];

  const followUp = rowsFrom(
    PLAN_COLUMNS,
    500,
    [
      PLAN_HEADER,
      [
        ['4'],
        ['Adopters are not asked for feedback'],
        ['Survey every adopter after', 'placement'],
        ['Quality Lead'],
        ['30/09/2025'],
        [],
      ],
    ],
    true,
  );
  const glossary = rowsFrom(
    [40, 150],
    followUp.bottom - 50,
    [
      [['Term'], ['Meaning']],
      [['Panel'], ['The adoption panel, which recommends each match to the agency']],
      [['Permanence'], ['A settled home for a child until adulthood']],
    ],
    true,
  );
  const pageThree = [
    running,
    heading('Recommendations from the follow-up visit', 530),
    ...followUp.texts,
    heading('Glossary', followUp.bottom - 30),
    ...glossary.texts,
    heading('Sign-off', glossary.bottom - 20),
    ...unruledRow([40, 500], glossary.bottom - 40, [['Signed: J. Patel'], ['Date: 14 April 2025']]),
    footer(3),
  ];
  return unruledPdf([pageOne, pageTwo, pageThree]);
}
