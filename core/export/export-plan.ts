/**
 * A plan's board pack as a file: .xlsx (RAG cells coloured, as boards print them), .csv or Markdown.
 * All three carry the same preamble and columns, so any of them imports back into a plan; the workbook and
 * the Markdown add the committee's measures after the plan (a CSV holds one table).
 */
import { measureWords } from '../query/measures';
import type { CoreContext } from '../context';
import type { Rag } from '../domain';
import { BOARD_COLUMNS, boardPack, type BoardPack } from './board-rows';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'md'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The file, or null when there is no plan with that key. */
export async function exportPlan(
  ctx: Pick<CoreContext, 'db' | 'now' | 'timeZone' | 'ragWindows'>,
  planKey: string,
  format: ExportFormat,
  asOf?: Date,
): Promise<Buffer | null> {
  const pack = await boardPack(ctx, planKey, asOf);
  if (!pack) return null;
  if (format === 'csv') return Buffer.from(toCsv(pack), 'utf8');
  if (format === 'md') return Buffer.from(toMarkdown(pack), 'utf8');
  return toXlsx(pack);
}

/**
 * OWASP's rule against formula injection: a cell a spreadsheet would evaluate (starting =, +, -, @, a tab
 * or a carriage return) starts with a quote instead, in the CSV and the workbook alike. The importer
 * drops that quote again, so a board pack imports back unchanged.
 */
export function inert(cell: string): string {
  return /^[=+\-@\t\r]./s.test(cell) ? `'${cell}` : cell;
}

function toCsv(pack: BoardPack): string {
  const quote = (raw: string) => {
    const cell = inert(raw);
    return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  };
  const lines = [...pack.preamble.map((l) => [l]), [...BOARD_COLUMNS], ...pack.rows.map((r) => r.cells)];
  return `${lines.map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}

/**
 * Markdown has no line breaks inside cells: breaks become <br> (which the importer reads as one). Pipes,
 * link and emphasis markup in the plan's text are escaped, so a cell cannot end early or become a link.
 */
function toMarkdown(pack: BoardPack): string {
  const text = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1').replace(/\r?\n/g, '<br>');
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const [title, ...rest] = pack.preamble;
  return [
    `# ${text(title)}`,
    '',
    ...rest.flatMap((l) => [text(l), '']),
    row(BOARD_COLUMNS),
    row(BOARD_COLUMNS.map(() => '---')),
    ...pack.rows.map((r) =>
      r.section ? row([`**${text(r.section)}**`, ...BOARD_COLUMNS.slice(1).map(() => '')]) : row(r.cells.map(text)),
    ),
    '',
    // A list, not a table, after the plan's table: the importer reads back the table alone.
    '## Measures',
    '',
    ...measureWords(pack.measures).map(([label, value]) => `- ${label}: ${value}`),
    '',
  ].join('\n');
}

/** Fills as board papers colour RAG: red, amber, green, and blue for complete. */
const RAG_FILL: Record<Rag, string> = {
  RED: 'FFFF0000',
  AMBER: 'FFFFC000',
  GREEN: 'FF00B050',
  COMPLETE: 'FF5B9BD5',
  RISK_ACCEPTED: 'FFB4A7D6',
  SUPERSEDED: 'FFBFBFBF',
};
const WIDTHS = [8, 50, 50, 28, 14, 14, 8, 45, 60, 14, 12, 12, 40, 50];

async function toXlsx(pack: BoardPack): Promise<Buffer> {
  // Loaded when a workbook is asked for: a running bot that never exports need not hold it in memory.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Plan', {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  for (const line of pack.preamble) sheet.addRow([inert(line)]).font = { bold: line === pack.preamble[0] };
  const header = sheet.addRow([...BOARD_COLUMNS]);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } }));
  sheet.views = [{ state: 'frozen', ySplit: header.number }];
  for (const [i, w] of WIDTHS.entries()) sheet.getColumn(i + 1).width = w;
  for (const r of pack.rows) {
    const row = sheet.addRow(r.cells.map(inert));
    if (r.section) {
      row.font = { bold: true };
      continue;
    }
    row.alignment = { vertical: 'top', wrapText: true };
    if (r.rag) {
      const rag = row.getCell(BOARD_COLUMNS.indexOf('RAG Status') + 1);
      rag.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RAG_FILL[r.rag] } };
      rag.font = { bold: true, color: { argb: r.rag === 'AMBER' ? 'FF000000' : 'FFFFFFFF' } };
    }
  }
  // On a sheet of their own: the plan's sheet stays the table the importer reads back.
  const measures = book.addWorksheet('Measures');
  measures.addRow(['Measure', 'Value']).font = { bold: true };
  for (const words of measureWords(pack.measures)) measures.addRow(words);
  measures.getColumn(1).width = 42;
  measures.getColumn(2).width = 20;
  return Buffer.from(await book.xlsx.writeBuffer());
}
