/**
 * Word tables' cell shading, which mammoth's HTML leaves out, so that a RAG shown only as a cell's colour is
 * read from a Word plan as from a spreadsheet (fill-colour.ts). Read from the document's XML: for each
 * table, each row, the colour of every grid column a cell covers, so that it lines up with the rows
 * readHtmlTables resolves (a cell merged across covers several columns; a cell merged down keeps a place
 * of its own in each row it covers).
 */
import type JSZip from 'jszip';
import { type FillWord, fillWord } from './fill-colour';
import type { Table } from './types';

type TableFills = (FillWord | null)[][];

/** Each table's fills, in document order; undefined when tables are nested (their rows cannot be lined up). */
async function docxTableFills(buffer: Buffer): Promise<TableFills[] | undefined> {
  const { default: Zip } = await import('jszip');
  const zip: JSZip = await Zip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')?.async('string');
  if (!xml) return undefined;
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) => t[1]);
  if (tables.some((t) => t.includes('<w:tbl>'))) return undefined;
  return tables.map((table) =>
    [...table.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map(([, row]) => {
      const fills: (FillWord | null)[] = Array(gridValue(row, 'gridBefore')).fill(null);
      for (const [, cell] of row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
        const fill = shading(cell);
        for (let k = 0; k < Math.max(1, gridValue(cell, 'gridSpan')); k++) fills.push(fill);
      }
      return fills;
    }),
  );
}

/** A `<w:gridBefore>` or `<w:gridSpan>` value, 0 when absent. */
function gridValue(xml: string, name: string): number {
  return Number(new RegExp(`<w:${name} w:val="(\\d+)"`).exec(xml)?.[1] ?? 0);
}

/** The colour a cell's shading shows: a solid pattern shows its colour, any other its fill. */
function shading(cell: string): FillWord | null {
  const properties = /<w:tcPr>([\s\S]*?)<\/w:tcPr>/.exec(cell)?.[1] ?? '';
  const shd = /<w:shd ([^>]*)\/>/.exec(properties)?.[1];
  if (!shd) return null;
  const attribute = (name: string) => new RegExp(`w:${name}="([^"]*)"`).exec(shd)?.[1];
  const hex = attribute('val') === 'solid' ? attribute('color') : attribute('fill');
  return hex && hex !== 'auto' ? fillWord({ argb: hex }) : null;
}

/**
 * The Word document's table (readHtmlTables' one table of all its blocks) with its cells' fills, when the
 * document's tables and their rows are the ones the HTML gave; the table as it was otherwise.
 */
export async function withDocxFills(table: Table, buffer: Buffer): Promise<Table> {
  const tables = await docxTableFills(buffer).catch(() => undefined);
  const starts = [...(table.tableStarts ?? [])].sort((a, b) => a - b);
  if (!tables || tables.length !== starts.length || !tables.some((t) => t.some((r) => r.some(Boolean)))) return table;
  const fills: (FillWord | null)[][] = table.rows.map(() => []);
  for (const [t, rows] of tables.entries()) {
    const end = starts[t + 1] ?? table.rows.length;
    if (starts[t] + rows.length > end) return table;
    for (const [r, row] of rows.entries()) fills[starts[t] + r] = row;
  }
  return { ...table, fills };
}
