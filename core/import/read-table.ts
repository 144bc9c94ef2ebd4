/**
 * File -> tables of text cells. Every format ends up as rows of strings so that one set of rules
 * (headers, structure) serves spreadsheets, PDF/Word pastes, Word documents and Markdown alike.
 * Text outside tables (headings, section lines) is kept as one-cell rows, in document order,
 * because plans put section names and "Recommendation N:" headings there.
 */
import { decodeHTML } from 'entities';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { readHeader } from './headers';
import { rowsFromPositions, textFromPositions } from './pdf-layout';
import { type PdfText, pdfTextSchema } from './pdf-lines';
import { unwrapCells } from './pdf-wrapped-lines';
import { decodeText } from './text-encoding';
import type { Table } from './types';
import { withDocxFills } from './docx-fills';
import { fillWord, htmlCellFill, type FillWord } from './fill-colour';
import { storableText } from '../text';
import { MONTH_NAMES } from '../time';

/** What any of cleanCell's replacements or its trim would change; most cells of a big sheet have none. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are among what cleanCell removes.
const NEEDS_CLEANING = /[<&*\t\u00a0\n\u0000-\u0008]| {2}|^\s|\s$|^'/;

/** Plain text of a cell: pasted plans carry stray HTML (<ul><li>, <b>); list items become lines. */
export function cleanCell(raw: string): string {
  if (!NEEDS_CLEANING.test(raw)) return raw;
  return storableText(raw)
    .replace(/^'(?=[=+\-@\t\r])/, '') // the quote an export puts before what a spreadsheet would evaluate
    .replace(/<\/?(li|p|br|tr|h\d)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(?:#x?[0-9a-f]+|[a-z][a-z0-9]*);/gi, (entity) => decodeHTML(entity))
    .replace(/\*\*/g, '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n[\n ]*/g, '\n')
    .trim();
}

/** A line of a pasted plan: tab-separated cells, a Markdown table row, or one cell of prose. */
function splitLine(line: string): string[] {
  if (line.includes('\t')) return line.split('\t').map(cleanCell);
  const trimmed = line.trim();
  if (/^\|.*\|$/.test(trimmed)) {
    if (/^\|[\s:|-]+\|$/.test(trimmed)) return []; // Markdown |---| separator
    // Chaser's own Markdown export escapes pipes, link and emphasis markup; the cell is the text before escaping.
    return trimmed
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cleanCell(cell.replace(/\\([\\`*_[\]<>|])/g, '$1')));
  }
  const text = cleanCell(trimmed.replace(/^#+\s*/, ''));
  return text ? [text] : [];
}

function readText(text: string): Table[] {
  const lines = text.split(/\r?\n/);
  const isTableLine = (line: string | undefined) => /^\s*\|.*\|\s*$/.test(line ?? '');
  const tableStarts = new Set(lines.flatMap((line, i) => (isTableLine(line) && !isTableLine(lines[i - 1]) ? [i] : [])));
  return [{ rows: lines.map(splitLine), tableStarts }];
}

/** RFC 4180: quoted cells may hold delimiters, doubled quotes and line breaks. */
function readDelimited(text: string, delimiter: string): Table[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      row.push(cleanCell(cell));
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cleanCell(cell));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length) rows.push([...row, cleanCell(cell)]);
  return [{ rows }];
}

function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master !== cell) return ''; // a merged section title counts once
  const v = cell.value;
  if (v instanceof Date) {
    // A month typed as "Sep-24" is kept as the 1st and shown as the month: the plan means the month.
    if (showsMonthOnly(cell.numFmt)) {
      const month = MONTH_NAMES[v.getUTCMonth()];
      return `${month[0].toUpperCase()}${month.slice(1)} ${v.getUTCFullYear()}`;
    }
    return `${v.getUTCDate()}/${v.getUTCMonth() + 1}/${v.getUTCFullYear()}`;
  }
  return cleanCell(cell.text ?? '');
}

/** A date format that shows a month and year but no day ("mmm-yy", "mmmm yyyy"); quoted text and [codes] aside. */
function showsMonthOnly(format: string | undefined): boolean {
  const codes = (format ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '').toLowerCase();
  return /m/.test(codes) && /y/.test(codes) && !/d/.test(codes) && !/[hs]/.test(codes);
}

/** The spreadsheet and Word readers are large: loaded when a file needs them, not at start. */
async function readXlsx(buffer: Buffer): Promise<Table[]> {
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer).catch(() => {
    throw new NotReadable('xlsx');
  });
  if (!book.worksheets.length) throw new NotReadable('xlsx');
  return book.worksheets.map((sheet) => {
    const rows: string[][] = [];
    const fills: (FillWord | null)[][] = [];
    let filled = false;
    // exceljs recounts columnCount over every row on each read: once per sheet keeps big sheets linear.
    const columnCount = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      const colours: (FillWord | null)[] = [];
      for (let c = 1; c <= columnCount; c++) {
        const cell = row.getCell(c);
        cells.push(cellText(cell));
        const fill = cell.fill;
        // A merged band's colour belongs to the band (a title, a section), not to a RAG cell under it.
        const word =
          !cell.isMerged && fill?.type === 'pattern' && fill.pattern === 'solid' ? fillWord(fill.fgColor) : null;
        colours.push(word);
        filled ||= word !== null;
      }
      rows.push(cells);
      fills.push(colours);
    }
    return { name: sheet.name, rows, ...(filled && { fills }) };
  });
}

/**
 * mammoth's HTML is flat and regular: top-level paragraphs/headings and tables of rows of cells. Cells merged
 * down (rowspan) or across (colspan) become empty cells in the rows and columns they cover, so every row keeps
 * its columns under the header. Word's list numbering is not text: a cell of an empty numbered paragraph is
 * given the number Word shows, counted down its column.
 */
const EMPTY_LIST_ITEM = /^\s*<ol\b[^>]*>\s*<li\b[^>]*>\s*<\/li>\s*<\/ol>\s*$/i;

export function readHtmlTables(html: string): Table[] {
  const rows: string[][] = [];
  const fills: (FillWord | null)[][] = [];
  const tableStarts = new Set<number>();
  const blocks = /<table\b[^>]*>([\s\S]*?)<\/table>|<(p|h\d|li)\b[^>]*>([\s\S]*?)<\/\2>/gi;
  for (const block of html.matchAll(blocks)) {
    if (block[1] === undefined) {
      const text = cleanCell(block[3]);
      if (text) {
        rows.push([text]);
        fills.push([]);
      }
      continue;
    }
    tableStarts.add(rows.length);
    /** Columns still covered by a cell merged down from a row above: column -> rows left. */
    const covered = new Map<number, number>();
    /** Cells of a column numbered by Word's list numbering so far: column -> the last number. */
    const numbered = new Map<number, number>();
    for (const tr of block[1].matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)) {
      const row: string[] = [];
      const colours: (FillWord | null)[] = [];
      const skipCovered = () => {
        while ((covered.get(row.length) ?? 0) > 0) {
          covered.set(row.length, covered.get(row.length)! - 1);
          row.push('');
          colours.push(null);
        }
      };
      for (const td of tr[1].matchAll(/<t[dh]\b([^>]*)>([\s\S]*?)<\/t[dh]>/gi)) {
        skipCovered();
        const span = (name: string) => Number(new RegExp(`${name}="(\\d+)"`).exec(td[1])?.[1] ?? 1);
        const down = span('rowspan');
        // A cell holding only its list number ("No." numbered by Word) shows the number the list has reached.
        const number = EMPTY_LIST_ITEM.test(td[2]) ? (numbered.get(row.length) ?? 0) + 1 : undefined;
        if (number) numbered.set(row.length, number);
        const text = number ? String(number) : cleanCell(td[2]);
        const colour = htmlCellFill(td[1]);
        for (let k = 0; k < span('colspan'); k++) {
          if (down > 1) covered.set(row.length, down - 1);
          row.push(k === 0 ? text : '');
          colours.push(colour);
        }
      }
      skipCovered();
      rows.push(row);
      fills.push(colours);
    }
  }
  return [{ rows, tableStarts, ...(fills.some((r) => r.some(Boolean)) && { fills }) }];
}

/** What a browser does not show: the head (title, styles, scripts) and any script, style or comment. */
function withoutHiddenParts(html: string): string {
  return html.replace(/<head\b[\s\S]*?<\/head>|<(script|style)\b[\s\S]*?<\/\1>|<!--[\s\S]*?-->/gi, '');
}

export function extensionOf(fileName: string): string {
  return (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();
}

/**
 * A CSV's separator, whichever of comma, semicolon and tab is commonest outside quotes: continental Excel
 * writes semicolons, since its decimal point is a comma, and some exports name tab-separated text .csv.
 */
function csvDelimiter(text: string): string {
  const sample = text.slice(0, 4000).replace(/"[^"]*"/g, '');
  const count = (c: string) => sample.split(c).length;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best));
}

/** Formats that are read as they are, without unzipping: CSV, tab-separated text, Markdown, a web page. */
export function readTextTables(buffer: Buffer, fileName: string): Table[] | undefined {
  const ext = extensionOf(fileName);
  if (ext === 'xlsx' || ext === 'docx' || ext === 'pdf') return undefined;
  const text = decodeText(buffer);
  if (ext === 'csv') return readDelimited(text, csvDelimiter(text));
  // A wiki or intranet page saved as HTML: its headings, paragraphs and tables, as Word's are read.
  if (ext === 'html' || ext === 'htm') return readHtmlTables(withoutHiddenParts(text));
  // Excel copies a cell holding line breaks as one quoted cell; split by lines, it would become fake rows.
  return /(^|\t)"[^"\t]*\n/.test(text) && text.includes('\t') ? readDelimited(text, '\t') : readText(text);
}

/** Tables of a plan file, by its extension; unknown extensions are read as text. */
export async function readTables(buffer: Buffer, fileName: string): Promise<Table[]> {
  const ext = extensionOf(fileName);
  if (ext === 'xlsx') return readXlsx(buffer);
  if (ext === 'docx') {
    const { default: mammoth } = await import('mammoth');
    // Empty paragraphs kept: a cell holding only Word's list number is an empty numbered paragraph.
    const html = await mammoth.convertToHtml({ buffer }, { ignoreEmptyParagraphs: false }).catch(() => {
      throw new NotReadable('docx');
    });
    return [await withDocxFills(readHtmlTables(html.value)[0], buffer)];
  }
  if (ext === 'pdf') return readPdf(buffer);
  return readTextTables(buffer, fileName)!;
}

/**
 * A workbook or document its reader cannot open: damaged, or another kind of file under this name (a .xls or
 * .doc renamed, a Word file named .xlsx). The reader's own words (a zip's central directory) help no one.
 */
class NotReadable extends Error {
  constructor(ext: 'xlsx' | 'docx') {
    super(
      ext === 'xlsx'
        ? 'it is not an Excel workbook that can be opened (damaged, or another kind of file): open it in Excel and save it as an Excel Workbook (.xlsx)'
        : 'it is not a Word document that can be opened (damaged, or another kind of file): open it in Word and save it as a Word Document (.docx)',
    );
  }
}

/** A PDF holds positioned text, not text in a file, so an empty reading means a scan. */
export class ScannedPdf extends Error {
  constructor() {
    super('this PDF has no text to read (a scan?): export the plan from Word or Excel, or run OCR on it first');
  }
}

/** Longest a PDF may take to read: Teams resends a message the bot has not answered after ~15 s. */
const PDF_READ_TIMEOUT_MS = 10_000;

const pdfReadingSchema = z.union([
  z.object({ pages: z.array(z.array(pdfTextSchema)), tables: z.array(z.array(z.array(z.string()))) }),
  z.object({ error: z.string() }),
]);
type PdfReading = { pages: PdfText[][]; tables: string[][][] };

/**
 * A published plan as PDF: its ruled tables, page after page, under the document's first line (its title).
 * A ruled table carries on the one above (a plan's table runs on over page breaks, often without its header)
 * unless it opens with a header or has a different number of columns: then it is a table of its own (a
 * timeline, a glossary), which the plan's structure leaves out unless it is a plan table. A cell's lines are
 * joined where its column's width broke them (unwrapCells), and a row beside cells merged down from above keeps
 * its columns (underMergedCells). A PDF without
 * ruled tables (a table set out without lines, or prose) has its rows and columns rebuilt from where its
 * text stands.
 */
async function readPdf(buffer: Buffer): Promise<Table[]> {
  const { pages, tables } = await readPdfInWorker(buffer);
  if (!pages.some((items) => items.length)) throw new ScannedPdf();
  const clean = (rows: string[][]) => rows.map((row) => row.map(cleanCell));
  const positioned = rowsFromPositions(pages);
  if (!tables.length) return [{ rows: clean(positioned.rows), tableStarts: positioned.tableStarts }];
  const title = cleanCell(positioned.rows[0]?.join(' ') ?? '');
  const cleaned = tables.map((table) => underMergedCells(clean(unwrapCells(table))));
  const rows = title && title !== cleaned[0][0]?.join(' ') ? [[title]] : [];
  const tableStarts = new Set<number>();
  const width = (table: string[][]) => Math.max(0, ...table.map((row) => row.length));
  cleaned.forEach((cells, k) => {
    if (k > 0 && (readHeader(cells, 0) || width(tables[k]) !== width(tables[k - 1]))) tableStarts.add(rows.length);
    rows.push(...cells);
  });
  return [{ rows, tableStarts }];
}

/**
 * A ruled table's row of fewer cells than the table's widest sits beside cells merged down from the row above,
 * which in a plan are its leading columns (the ref and recommendation beside each of their actions): its cells
 * are the table's last ones. A row of one cell is a band across the table, not a short row.
 */
function underMergedCells(rows: string[][]): string[][] {
  const width = Math.max(0, ...rows.map((row) => row.length));
  return rows.map((row) =>
    row.length > 1 && row.length < width ? [...Array(width - row.length).fill(''), ...row] : row,
  );
}

/** A PDF's text as Markdown-like lines (headings marked by size), for readers of reports rather than plans. */
export async function readPdfText(buffer: Buffer): Promise<string> {
  const { pages } = await readPdfInWorker(buffer);
  if (!pages.some((items) => items.length)) throw new ScannedPdf();
  return textFromPositions(pages);
}

function readPdfInWorker(buffer: Buffer): Promise<PdfReading> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'pdf-reader.worker.js'), { workerData: buffer });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`reading it took longer than ${PDF_READ_TIMEOUT_MS / 1000} s`));
    }, PDF_READ_TIMEOUT_MS);
    worker.once('message', (message: unknown) => {
      clearTimeout(timer);
      void worker.terminate();
      const answer = pdfReadingSchema.parse(message);
      if ('error' in answer) reject(new Error(answer.error));
      else resolve(answer);
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}
