/**
 * A PDF without ruled tables is text placed on the page: rows and columns are rebuilt from where each piece
 * stands. Pieces at one height make a line; pieces a gap apart make its cells; the first line that reads as a
 * plan header fixes the columns (by where its headings start) for every line after it, over page breaks; a
 * line with nothing in the first column that sits close under the one before is the rest of that row's
 * wrapped cells. Lines before any header, and prose, are one-cell rows, as pasted text is.
 */
import { z } from 'zod';
import { readHeader } from './headers';

/** A piece of text as pdf.js places it: x, y of its baseline start in points, y upwards. */
export const pdfTextSchema = z.object({
  text: z.string(),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});
export type PdfText = z.infer<typeof pdfTextSchema>;

interface Segment {
  x: number;
  end: number;
  text: string;
}

interface Line {
  y: number;
  height: number;
  segments: Segment[];
}

/** How far a heading's text may start left of where its column's cells start, in points (centred headings). */
const ALIGN_TOLERANCE = 4;

function linesOf(items: PdfText[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; height: number; items: PdfText[] }[] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    const size = item.height || 10;
    if (line && Math.abs(line.y - item.y) < Math.max(2, size / 2)) {
      line.items.push(item);
      line.height = Math.max(line.height, size);
    } else lines.push({ y: item.y, height: size, items: [item] });
  }
  return lines.map(({ y, height, items: onLine }) => {
    const segments: Segment[] = [];
    for (const item of onLine.sort((a, b) => a.x - b.x)) {
      const last = segments.at(-1);
      // A gap narrower than a letter is a space between words; wider, a gap between cells.
      if (last && item.x - last.end < height * 0.9) {
        last.text += item.x - last.end > height * 0.15 && !last.text.endsWith(' ') ? ` ${item.text}` : item.text;
        last.end = Math.max(last.end, item.x + item.width);
      } else segments.push({ x: item.x, text: item.text, end: item.x + item.width });
    }
    return { y, height, segments: segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() })) };
  });
}

/** Close enough under `above` to be more of its text: within a line and a half. */
const closeUnder = (above: Pick<Line, 'y' | 'height'>, below: Pick<Line, 'y' | 'height'>) =>
  above.y - below.y <= Math.max(above.height, below.height) * 1.6;

/**
 * The header at `line`, if it is one: the line itself, or the line with the one close under it when headings
 * wrap ("Lead" over "officer", "Target" over "date"), each lower piece joined to the heading it starts under.
 */
function headerLine(line: Line, next: Line | undefined): Line | undefined {
  const alone = readHeader([line.segments.map((s) => s.text)], 0);
  if (!next || !closeUnder(line, next)) return alone && line;
  const segments = line.segments.map((s) => ({ ...s }));
  let wrapsOnly = true;
  for (const piece of next.segments) {
    const over = segments.find((s) => piece.x >= s.x - ALIGN_TOLERANCE && piece.x <= s.end + ALIGN_TOLERANCE);
    if (over) {
      over.text = `${over.text} ${piece.text}`;
      over.end = Math.max(over.end, piece.end);
    } else segments.push({ ...piece });
    wrapsOnly &&= over !== undefined && over !== segments[0];
  }
  segments.sort((a, b) => a.x - b.x);
  const both = readHeader([segments.map((s) => s.text)], 0);
  // Wrapped headings go on under the headings they belong to; a first row of cells fills the first column too.
  if (both && (!alone || wrapsOnly || both.columns.size > alone.columns.size)) return { ...line, segments };
  return alone && line;
}

/** Each page's positioned text -> rows of cells, in reading order; every header line opens a table. */
export function rowsFromPositions(pages: PdfText[][]): { rows: string[][]; tableStarts: Set<number> } {
  const rows: string[][] = [];
  const tableStarts = new Set<number>();
  let columns: number[] | undefined;
  /** The table row the last line went into and where that line stood, for wrapped cells. */
  let open: { row: string[]; y: number; height: number } | undefined;
  for (const items of pages) {
    open = undefined;
    const lines = linesOf(items);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const texts = line.segments.map((s) => s.text);
      const header = headerLine(line, lines[i + 1]);
      if (header) {
        if (header !== line) i++;
        columns = header.segments.map((s) => s.x);
        tableStarts.add(rows.length);
        rows.push(header.segments.map((s) => s.text));
        open = undefined;
        continue;
      }
      const columnOf = (x: number) =>
        Math.max(0, (columns ?? []).filter((start) => start <= x + ALIGN_TOLERANCE).length - 1);
      // One piece running over the columns is a heading between tables ("R2. The council should ...").
      const heading = line.segments.length === 1 && columnOf(line.segments[0].end) > columnOf(line.segments[0].x);
      if (!columns || heading) {
        rows.push([texts.join(' ')]);
        open = undefined;
        continue;
      }
      const cells: string[] = columns.map(() => '');
      for (const segment of line.segments) {
        const c = columnOf(segment.x);
        cells[c] = cells[c] ? `${cells[c]} ${segment.text}` : segment.text;
      }
      if (open && !cells[0] && closeUnder(open, line)) {
        const row: string[] = open.row;
        cells.forEach((cell, c) => {
          if (cell) row[c] = row[c] ? `${row[c]} ${cell}` : cell;
        });
        open = { row, y: line.y, height: line.height };
      } else {
        rows.push(cells);
        open = { row: cells, y: line.y, height: line.height };
      }
    }
  }
  return { rows, tableStarts };
}

/**
 * Each page's positioned text -> Markdown-like lines for readers of prose (an inspection report): a line set
 * larger than the body text is a heading ("# ..."), cells of a line are tab-separated, as a paste would be.
 */
export function textFromPositions(pages: PdfText[][]): string {
  const lines = pages.flatMap(linesOf);
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.height), (counts.get(Math.round(line.height)) ?? 0) + 1);
  const body = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  return lines
    .map((line) => {
      const text = line.segments.map((s) => s.text).join('\t');
      return line.height >= body * 1.2 ? `# ${text.replace(/\t/g, ' ')}` : text;
    })
    .join('\n');
}
