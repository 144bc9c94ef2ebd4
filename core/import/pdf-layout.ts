/**
 * A PDF without ruled tables is text placed on the page: rows and columns are rebuilt from where each piece
 * stands. Pieces at one height make a line; pieces a gap apart make its cells; the first line that reads as a
 * plan header fixes the columns (by where its headings start) for every line after it, over page breaks, until
 * another table's header or a heading over lines that stand in other columns; a line with nothing in the first
 * column that sits close under the one before (or opens a page and reads as the rest of a sentence) is the rest
 * of that row's wrapped cells. Lines before any header, and prose, are one-cell rows, as pasted text is.
 */
import { readHeader } from './headers';
import { bodyHeight, closeUnder, type Line, linesOf, type PdfText, type Segment } from './pdf-lines';
import { withoutPageFurniture } from './pdf-page-furniture';
import { runsOn } from './pdf-wrapped-lines';

/** How far a heading's text may start left of where its column's cells start, in points (centred headings). */
const ALIGN_TOLERANCE = 4;

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

/**
 * The first line of a page, its first cell empty, carries on the last row of the page before when it reads as
 * the rest of a sentence: it starts in lower case, or the row's text in that column stopped mid-phrase. Without
 * that, a row's later lines there are a row of their own (an action with no ref under the same recommendation).
 */
function runsOnFromPage(row: string[], cells: string[]): boolean {
  const c = cells.findIndex(Boolean);
  return c > 0 && runsOn(row[c] ?? '', cells[c]);
}

/**
 * Every piece of the line stands in a column as a cell of that table would: starting, centred or ending where
 * the column's heading does, and not running on past where the next column starts.
 */
function fitsColumns(line: Line, columns: Segment[]): boolean {
  const near = (a: number, b: number) => Math.abs(a - b) <= ALIGN_TOLERANCE;
  const centre = (s: Segment) => (s.x + s.end) / 2;
  return line.segments.every((s) => {
    const k = Math.max(0, columns.filter((c) => c.x <= s.x + ALIGN_TOLERANCE).length - 1);
    const heading = columns[k];
    const next = columns[k + 1];
    const aligned = near(s.x, heading.x) || near(centre(s), centre(heading)) || near(s.end, heading.end);
    return aligned && (!next || s.end <= next.x + ALIGN_TOLERANCE);
  });
}

/**
 * Each page's positioned text -> rows of cells, in reading order, without page furniture. Every header line
 * opens a table; so does a line after a heading (a line of its own, set larger or apart from the next) whose
 * pieces do not stand in the columns of the table above: another table (a timeline, a glossary, a sign-off
 * block), which takes its own columns and ends the plan's.
 */
export function rowsFromPositions(pages: PdfText[][]): { rows: string[][]; tableStarts: Set<number> } {
  const rows: string[][] = [];
  const tableStarts = new Set<number>();
  const pageLines = withoutPageFurniture(pages.map(linesOf));
  const body = bodyHeight(pageLines.flat());
  /** The open table's headings (or first line), each starting its column. */
  let columns: Segment[] | undefined;
  /** The table row the last line went into and where that line stood, for wrapped cells. */
  let open: { row: string[]; y: number; height: number } | undefined;
  /** The line before was a heading: one piece standing alone, set larger or apart from the next line. */
  let afterHeading = false;
  for (const lines of pageLines) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const texts = line.segments.map((s) => s.text);
      const header = headerLine(line, lines[i + 1]);
      const wasAfterHeading = afterHeading;
      afterHeading = false;
      if (header) {
        if (header !== line) i++;
        columns = header.segments;
        tableStarts.add(rows.length);
        rows.push(header.segments.map((s) => s.text));
        open = undefined;
        continue;
      }
      if (columns && wasAfterHeading && line.segments.length > 1 && !fitsColumns(line, columns)) {
        columns = line.segments;
        tableStarts.add(rows.length);
        open = undefined;
      }
      const columnOf = (x: number) => Math.max(0, (columns ?? []).filter((c) => c.x <= x + ALIGN_TOLERANCE).length - 1);
      const next = lines[i + 1];
      const standsAlone = line.segments.length === 1 && (line.height > body * 1.15 || !next || !closeUnder(line, next));
      // One piece running over the columns is a heading between tables ("R2. The council should ...").
      const heading = line.segments.length === 1 && columnOf(line.segments[0].end) > columnOf(line.segments[0].x);
      if (!columns || heading) {
        rows.push([texts.join(' ')]);
        open = undefined;
        afterHeading = standsAlone;
        continue;
      }
      const cells: string[] = columns.map(() => '');
      for (const segment of line.segments) {
        const c = columnOf(segment.x);
        cells[c] = cells[c] ? `${cells[c]} ${segment.text}` : segment.text;
      }
      const wraps = open && !cells[0] && (i === 0 ? runsOnFromPage(open.row, cells) : closeUnder(open, line));
      if (open && wraps) {
        const row: string[] = open.row;
        cells.forEach((cell, c) => {
          if (cell) row[c] = row[c] ? `${row[c]} ${cell}` : cell;
        });
        open = { row, y: line.y, height: line.height };
      } else {
        rows.push(cells);
        open = { row: cells, y: line.y, height: line.height };
        afterHeading = standsAlone;
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
  const body = bodyHeight(lines);
  return lines
    .map((line) => {
      const text = line.segments.map((s) => s.text).join('\t');
      return line.height >= body * 1.2 ? `# ${text.replace(/\t/g, ' ')}` : text;
    })
    .join('\n');
}
