import { rowsFromPositions } from '../../../core/import/pdf-layout';
import type { PdfText } from '../../../core/import/pdf-lines';

/** A line of pieces at height y, each [x, text], 8-point text about 5 points per letter. */
const line = (y: number, ...pieces: [number, string][]): PdfText[] =>
  pieces.map(([x, text]) => ({ x, y, text, width: text.length * 5, height: 8 }));

describe('rowsFromPositions', () => {
  const header = line(500, [40, 'Ref'], [80, 'Action'], [300, 'Action owner'], [420, 'Due date']);

  test('a line close under a row with its first cell empty is that row wrapped; further down, a row of its own', () => {
    const { rows, tableStarts } = rowsFromPositions([
      [
        ...line(560, [40, 'Audit plan']),
        ...header,
        ...line(480, [40, '1'], [80, 'Publish the audit'], [300, 'Head of'], [420, 'Mar-25']),
        ...line(470, [80, 'every month'], [300, 'Audit']),
        ...line(440, [80, 'Brief the committee'], [300, 'Head of Audit'], [420, 'Jun-25']),
      ],
    ]);
    expect(rows).toEqual([
      ['Audit plan'],
      ['Ref', 'Action', 'Action owner', 'Due date'],
      ['1', 'Publish the audit every month', 'Head of Audit', 'Mar-25'],
      ['', 'Brief the committee', 'Head of Audit', 'Jun-25'],
    ]);
    expect([...tableStarts]).toEqual([1]);
  });

  test('headings wrapped over two lines make one header, each lower word joined to the heading above it', () => {
    const { rows } = rowsFromPositions([
      [
        ...line(500, [40, 'No.'], [80, 'Agreed'], [300, 'Lead'], [420, 'Target'], [500, 'Progress']),
        ...line(490, [80, 'action'], [300, 'officer'], [420, 'date']),
        ...line(470, [40, '1'], [80, 'Publish the audit'], [300, 'Head of Audit'], [420, 'Mar-25'], [500, 'Done']),
      ],
    ]);
    expect(rows).toEqual([
      ['No.', 'Agreed action', 'Lead officer', 'Target date', 'Progress'],
      ['1', 'Publish the audit', 'Head of Audit', 'Mar-25', 'Done'],
    ]);
    // A first row set close under a one-line header is a row, not more of the header.
    const close = rowsFromPositions([
      [...header, ...line(490, [40, '1'], [80, 'Publish the audit'], [300, 'Head of Audit'], [420, 'Mar-25'])],
    ]);
    expect(close.rows).toEqual([
      ['Ref', 'Action', 'Action owner', 'Due date'],
      ['1', 'Publish the audit', 'Head of Audit', 'Mar-25'],
    ]);
  });

  test('words a space apart are one cell; the columns carry on to the next page', () => {
    const { rows } = rowsFromPositions([
      header,
      [...line(560, [40, '2'], [80, 'Train'], [110, 'staff'], [300, 'Head of HR'], [420, 'Q2 2025/26'])],
    ]);
    expect(rows.at(-1)).toEqual(['2', 'Train staff', 'Head of HR', 'Q2 2025/26']);
  });

  test('a row cut by a page break is one row when its next line reads on; page numbers and a running title are no rows', () => {
    const page = (n: number, ...lines: PdfText[][]) => [
      ...line(570, [40, 'Audit plan']),
      ...lines.flat(),
      ...line(30, [250, `Page ${n} of 3`]),
    ];
    const { rows, tableStarts } = rowsFromPositions([
      page(1, header, line(60, [40, '1'], [80, 'Publish the audit of'], [300, 'Head of'], [420, 'Mar-25'])),
      page(
        2,
        line(540, [80, 'every incident'], [300, 'Audit']),
        line(510, [80, 'Brief the committee'], [300, 'Head of Audit'], [420, 'Jun-25']),
      ),
      page(3, line(540, [80, 'Train the staff'], [300, 'Head of HR'], [420, 'Sep-25'])),
    ]);
    expect(rows).toEqual([
      ['Audit plan'],
      ['Ref', 'Action', 'Action owner', 'Due date'],
      ['1', 'Publish the audit of every incident', 'Head of Audit', 'Mar-25'],
      ['', 'Brief the committee', 'Head of Audit', 'Jun-25'],
      ['', 'Train the staff', 'Head of HR', 'Sep-25'],
    ]);
    expect([...tableStarts]).toEqual([1]);
  });

  test('a heading over lines standing in other columns opens a table with its own columns; over a row in the columns, the plan goes on', () => {
    const { rows, tableStarts } = rowsFromPositions([
      [
        ...header,
        ...line(480, [40, '1'], [80, 'Publish the audit'], [300, 'Head of Audit'], [420, 'Mar-25']),
        ...line(440, [40, 'NATIONAL RECOMMENDATIONS']),
        // A date centred under its heading stands in the column.
        ...line(420, [40, '2'], [80, 'Train staff'], [300, 'Head of HR'], [435, 'Q2']),
        ...line(380, [40, 'Timeline']),
        ...line(360, [40, 'Milestone'], [200, 'Date']),
        ...line(345, [40, 'Board review'], [200, 'May 2025']),
      ],
    ]);
    expect(rows).toEqual([
      ['Ref', 'Action', 'Action owner', 'Due date'],
      ['1', 'Publish the audit', 'Head of Audit', 'Mar-25'],
      ['NATIONAL RECOMMENDATIONS'],
      ['2', 'Train staff', 'Head of HR', 'Q2'],
      ['Timeline'],
      ['Milestone', 'Date'],
      ['Board review', 'May 2025'],
    ]);
    expect([...tableStarts]).toEqual([0, 5]);
  });
});
