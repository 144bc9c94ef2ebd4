import ExcelJS from 'exceljs';
import { parseTables } from '../../../core/import/parse-plan';
import { cleanCell, readHtmlTables, readTables } from '../../../core/import/read-table';

describe('readTables', () => {
  test('CSV: quoted cells with commas, doubled quotes and line breaks', async () => {
    const csv =
      'Ref,Area for Improvement,Latest Update\r\n1,"Publish a clear procedure, with ""SOP"" guidance","Jan 2015 - begun.\n5/11/2015: done."\r\n';
    expect(await readTables(Buffer.from(csv), 'p.csv')).toEqual([
      {
        rows: [
          ['Ref', 'Area for Improvement', 'Latest Update'],
          ['1', 'Publish a clear procedure, with "SOP" guidance', 'Jan 2015 - begun.\n5/11/2015: done.'],
        ],
      },
    ]);
  });

  test('tab-separated text keeps prose lines as one-cell rows and line numbers as row numbers', async () => {
    const [table] = await readTables(Buffer.from('ACTION PLAN\n\nRef\tAction\n1\tDo it'), 'p.txt');
    expect(table.rows).toEqual([['ACTION PLAN'], [], ['Ref', 'Action'], ['1', 'Do it']]);
  });

  test('Markdown tables and headings', async () => {
    const md = '## **Improvement Plan**\n\n| Ref | Recommendation |\n|---|---|\n| 1 | Do **it** |\n';
    expect((await readTables(Buffer.from(md), 'p.md'))[0].rows).toEqual([
      ['Improvement Plan'],
      [],
      ['Ref', 'Recommendation'],
      [],
      ['1', 'Do it'],
      [],
    ]);
  });

  test('xlsx: one table per sheet, dates as day/month/year, merged section titles once', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Plan');
    sheet.addRow(['Ref', 'Recommendation', 'Due Date']);
    sheet.addRow(['CRIME DATA ISSUES']);
    sheet.mergeCells('A2:C2');
    sheet.addRow([1, 'Do it', new Date(Date.UTC(2015, 2, 1))]);
    const tables = await readTables(Buffer.from(await book.xlsx.writeBuffer()), 'p.xlsx');
    expect(tables).toEqual([
      {
        name: 'Plan',
        rows: [
          ['Ref', 'Recommendation', 'Due Date'],
          ['CRIME DATA ISSUES', '', ''],
          ['1', 'Do it', '1/3/2015'],
        ],
      },
    ]);
  });

  test('a .csv separated by tabs is read by its tabs', async () => {
    const text = 'Ref\tRecommendation\tDue Date\n1\tDo it, then check it\t01/03/2015\n';
    expect((await readTables(Buffer.from(text), 'p.csv'))[0].rows).toEqual([
      ['Ref', 'Recommendation', 'Due Date'],
      ['1', 'Do it, then check it', '01/03/2015'],
    ]);
  });

  test('HTML entities by any name or number, as web pages and pastes write them', () => {
    expect(cleanCell('Estates&rsquo; depots &ndash; &pound;5 &#x2019;&#8217; &nbsp;x')).toBe(
      'Estates’ depots – £5 ’’ x',
    );
  });

  test('cells pasted with HTML list markup become lines of text (BTP national 6)', () => {
    expect(cleanCell('<ul> <li>5.11.2015 –</li> <li>The DIU has started &amp; continues.</li> </ul>')).toBe(
      '5.11.2015 –\nThe DIU has started & continues.',
    );
  });
});

describe('readHtmlTables (Word tables as mammoth gives them)', () => {
  const html =
    '<table><tr><td>Ref</td><td>Recommendation</td><td>Action</td><td>Owner</td></tr>' +
    '<tr><td rowspan="2">1</td><td rowspan="2">Improve records</td><td>Audit</td><td>Head of IT</td></tr>' +
    '<tr><td>Train staff</td><td>Head of HR</td></tr></table>' +
    '<p>Timeline</p><table><tr><td>Milestone</td><td>When</td></tr><tr><td>Board review</td><td>May 2025</td></tr></table>';

  test('cells merged down leave the rows below in their columns', () => {
    expect(readHtmlTables(html)[0].rows.slice(1, 3)).toEqual([
      ['1', 'Improve records', 'Audit', 'Head of IT'],
      ['', '', 'Train staff', 'Head of HR'],
    ]);
  });

  test('a later table without a plan header is not read as actions', () => {
    const plan = parseTables(readHtmlTables(html), 'plan.docx');
    expect(plan.recommendations.flatMap((r) => r.actions).map((a) => [a.text, a.owners.map((o) => o.post)])).toEqual([
      ['Audit', ['Head of IT']],
      ['Train staff', ['Head of HR']],
    ]);
    expect(plan.problems).toEqual([
      {
        file: 'plan.docx',
        row: 5,
        message: "left out, as not a plan table: 'Milestone | When' and the rows under it",
        severity: 'warning',
      },
    ]);
  });
});
