import { readHeader } from '../../../core/import/headers';

const fields = (rows: string[][]) => {
  const h = readHeader(rows, 0);
  return h && { height: h.height, leftover: h.leftover, fields: [...h.columns].map(([c, col]) => `${c}:${col.field}`) };
};

describe('readHeader', () => {
  test('NCRS: "Audit Commission Issue" and a priority column with a note', () => {
    expect(
      fields([['Audit Commission Issue', 'A.C Priority 1-3 (low-high)', 'Action', 'Target/Completion Date', 'Comment']])
        ?.fields,
    ).toEqual(['0:recommendation', '1:priority', '2:action', '3:due', '4:comment']);
  });

  test('BTP: "Complete" / "Yes/No" split over two rows; the first section sits under the header', () => {
    expect(
      fields([
        [
          'Ref',
          'Area for Improvement',
          'Action Owner',
          'Due Date',
          'Initial Response',
          'Latest Update',
          'Date of Update',
          'Complete',
          'RAG Status',
        ],
        ['IMMEDIA', '', '', '', '', '', '', 'Yes/No', ''],
      ]),
    ).toEqual({
      height: 2,
      leftover: 'IMMEDIA',
      fields: [
        '0:ref',
        '1:recommendation',
        '2:owner',
        '3:due',
        '4:comment',
        '5:comment',
        '6:updatedOn',
        '7:complete',
        '8:rag',
      ],
    });
  });

  test('BTP national: page-title debris glued to headings, "Action" over "Owner"', () => {
    expect(
      fields([
        [
          'lmpi Ref',
          'ovement Plan Owner: Strategic Development Department Area for Improvement',
          'Action',
          'Due Date',
          'Initial Response',
          'Latest Update',
          'Date of Update',
          'Complete',
          'RAG Status',
          '',
        ],
        ['', '', 'Owner', 'Bue Bute', '', 'Lucor opuno', 'Date of opdate', 'Yes/No', 'nae olalas', ''],
      ])?.fields,
    ).toEqual([
      '0:ref',
      '1:recommendation',
      '2:owner',
      '3:due',
      '4:comment',
      '5:comment',
      '6:updatedOn',
      '7:complete',
      '8:rag',
    ]);
  });

  test('other synonyms', () => {
    expect(
      fields([
        ['Rec no.', 'Key Points', 'Actions', 'Responsibility', 'Results/Timescale', 'Results', 'Priority', 'Agreed'],
      ])?.fields,
    ).toEqual(['0:ref', '1:recommendation', '2:action', '3:owner', '4:due', '5:comment', '6:priority', '7:agreed']);
    expect(fields([['No.', 'Recommendation', 'Lead', 'Timescale', 'Comments']])?.fields).toEqual([
      '0:ref',
      '1:recommendation',
      '2:owner',
      '3:due',
      '4:comment',
    ]);
  });

  test('a heading giving two names for its column ("Recommendation / AFI") is the first', () => {
    expect(fields([['Ref', 'Recommendation / AFI', 'Action owner', 'Status / RAG']])?.fields).toEqual([
      '0:ref',
      '1:recommendation',
      '2:owner',
      '3:rag',
    ]);
  });

  test('beside a RAG column, a Status column holds the status in words', () => {
    expect(fields([['Ref', 'Action', 'Status', 'RAG']])?.fields).toEqual(['0:ref', '1:action', '2:complete', '3:rag']);
    expect(fields([['Ref', 'Action', 'Owner', 'Status']])?.fields).toEqual(['0:ref', '1:action', '2:owner', '3:rag']);
  });

  test('data rows and page furniture are not headers', () => {
    expect(
      fields([['7', 'The force should issue policy (Page 12)', 'Head of Offender Management', '01-Mar-15']]),
    ).toBeUndefined();
    expect(
      fields([['mpr', 'ovement Plan Owner: Strategic Development Department', '', '', '', '', '', 'Complete']]),
    ).toBeUndefined();
  });
});
