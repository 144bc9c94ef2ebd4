import { type PdfText, rowsFromPositions } from '../../../core/import/pdf-layout';

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
});
