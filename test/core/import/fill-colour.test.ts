import { fillWord, htmlCellFill } from '../../../core/import/fill-colour';

describe('a cell fill read as a RAG colour', () => {
  test.each([
    [{ argb: 'FFFF0000' }, 'Red'],
    [{ argb: 'FFC00000' }, 'Red'],
    [{ argb: 'FFFFC000' }, 'Amber'],
    [{ argb: 'FFFFFF00' }, 'Amber'],
    [{ argb: 'FFED7D31' }, 'Amber'],
    [{ argb: 'FF00B050' }, 'Green'],
    [{ argb: 'FF92D050' }, 'Green'],
    // Excel's Good, Neutral and Bad cell styles.
    [{ argb: 'FFC6EFCE' }, 'Green'],
    [{ argb: 'FFFFEB9C' }, 'Amber'],
    [{ argb: 'FFFFC7CE' }, 'Red'],
    [{ argb: 'FF0070C0' }, 'Blue'],
    [{ theme: 9 }, 'Green'],
    [{ theme: 7 }, 'Amber'],
    [{ indexed: 10 }, 'Red'],
  ])('%j is %s', (colour, word) => {
    expect(fillWord(colour)).toBe(word);
  });

  test.each([
    [{ argb: 'FFFFFFFF' }],
    [{ argb: 'FF000000' }],
    [{ argb: 'FFD9D9D9' }],
    [{ argb: 'FF7030A0' }],
    [{ theme: 0 }],
    [{ indexed: 64 }],
    [{ argb: 'not a colour' }],
    [undefined],
  ])('%j says nothing', (colour) => {
    expect(fillWord(colour)).toBeNull();
  });
});

describe("a web page's table cell colour read as a RAG colour", () => {
  test.each([
    ['class="highlight-red confluenceTd" data-highlight-colour="red"', 'Red'],
    ['data-highlight-colour="yellow"', 'Amber'],
    ['class="confluenceTd highlight-green"', 'Green'],
    ['style="background-color: rgb(255, 192, 0);"', 'Amber'],
    ['style="background:#0F0"', 'Green'],
    ['bgcolor="#0070C0"', 'Blue'],
    ['style="background-color: red"', 'Red'],
  ])('%s is %s', (attributes, word) => {
    expect(htmlCellFill(attributes)).toBe(word);
  });

  test.each([['class="confluenceTd"'], ['style="background-color: #ffffff"'], ['data-highlight-colour="grey"'], ['']])(
    '%s says nothing',
    (attributes) => {
      expect(htmlCellFill(attributes)).toBeNull();
    },
  );
});
