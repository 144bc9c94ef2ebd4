import ExcelJS from 'exceljs';
import { cleanCell, readTables } from '../../../core/import/read-table';

describe('readTables', () => {
  test('CSV: quoted cells with commas, doubled quotes and line breaks', async () => {
    const csv = 'Ref,Area for Improvement,Latest Update\r\n1,"Publish a clear procedure, with ""SOP"" guidance","Jan 2015 - begun.\n5/11/2015: done."\r\n';
    expect(await readTables(Buffer.from(csv), 'p.csv')).toEqual([{ rows: [
      ['Ref', 'Area for Improvement', 'Latest Update'],
      ['1', 'Publish a clear procedure, with "SOP" guidance', 'Jan 2015 - begun.\n5/11/2015: done.'],
    ] }]);
  });

  test('tab-separated text keeps prose lines as one-cell rows and line numbers as row numbers', async () => {
    const [table] = await readTables(Buffer.from('ACTION PLAN\n\nRef\tAction\n1\tDo it'), 'p.txt');
    expect(table.rows).toEqual([['ACTION PLAN'], [], ['Ref', 'Action'], ['1', 'Do it']]);
  });

  test('Markdown tables and headings', async () => {
    const md = '## **Improvement Plan**\n\n| Ref | Recommendation |\n|---|---|\n| 1 | Do **it** |\n';
    expect((await readTables(Buffer.from(md), 'p.md'))[0].rows).toEqual([['Improvement Plan'], [], ['Ref', 'Recommendation'], [], ['1', 'Do it'], []]);
  });

  test('xlsx: one table per sheet, dates as day/month/year, merged section titles once', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Plan');
    sheet.addRow(['Ref', 'Recommendation', 'Due Date']);
    sheet.addRow(['CRIME DATA ISSUES']);
    sheet.mergeCells('A2:C2');
    sheet.addRow([1, 'Do it', new Date(Date.UTC(2015, 2, 1))]);
    const tables = await readTables(Buffer.from(await book.xlsx.writeBuffer()), 'p.xlsx');
    expect(tables).toEqual([{ name: 'Plan', rows: [['Ref', 'Recommendation', 'Due Date'], ['CRIME DATA ISSUES', '', ''], ['1', 'Do it', '1/3/2015']] }]);
  });

  test('cells pasted with HTML list markup become lines of text (BTP national 6)', () => {
    expect(cleanCell('<ul> <li>5.11.2015 –</li> <li>The DIU has started &amp; continues.</li> </ul>')).toBe('5.11.2015 –\nThe DIU has started & continues.');
  });
});
