/**
 * Ruled table rows drawn as Word prints a table to PDF: each cell's text wrapped to its column, the row as tall
 * as its longest cell, lines round every cell.
 */
import type { PDFFont, PDFPage } from 'pdf-lib';

const SIZE = 7;
const LEADING = SIZE * 1.25;
const PADDING = 4;

/** A cell's text broken into lines that fit `width` at the table's font size, as a word processor wraps it; a line break in the text starts a new line. */
function wrap(text: string, width: number, font: PDFFont): string[] {
  return text.split('\n').flatMap((paragraph) => wrapParagraph(paragraph, width, font));
}

function wrapParagraph(text: string, width: number, font: PDFFont): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, SIZE) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  return line ? [...lines, line] : lines;
}

/** How tall a row of these cells is once wrapped to `columns` (the x of each column's left edge, then the right edge). */
export function ruledRowHeight(font: PDFFont, columns: number[], cells: string[]): number {
  const lines = cells.map((text, i) => wrap(text, columns[i + 1] - columns[i] - 6, font).length);
  return Math.max(1, ...lines) * LEADING + 2 * PADDING;
}

/**
 * Cells merged down over the next row, as Word prints a recommendation beside each of its actions: the first
 * `openBelow` columns have no rule under this row, the first `openAbove` none over it.
 */
export interface Merged {
  openBelow?: number;
  openAbove?: number;
}

/** Draws the row with its top at `top`; returns its bottom. */
export function drawRuledRow(
  page: PDFPage,
  font: PDFFont,
  columns: number[],
  cells: string[],
  top: number,
  merged: Merged = {},
): number {
  const bottom = top - ruledRowHeight(font, columns, cells);
  for (const [i, text] of cells.entries())
    for (const [k, line] of wrap(text, columns[i + 1] - columns[i] - 6, font).entries())
      page.drawText(line, { x: columns[i] + 3, y: top - PADDING - (k + 1) * LEADING + 2, size: SIZE, font });
  const right = columns.at(-1)!;
  const rule = (y: number, open = 0) =>
    page.drawLine({ start: { x: columns[open], y }, end: { x: right, y }, thickness: 0.5 });
  rule(top, merged.openAbove);
  rule(bottom, merged.openBelow);
  for (const x of columns) page.drawLine({ start: { x, y: bottom }, end: { x, y: top }, thickness: 0.5 });
  return bottom;
}
