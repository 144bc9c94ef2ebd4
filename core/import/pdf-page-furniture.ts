/**
 * Page furniture of a PDF: what a printed plan sets at the top or foot of every page (a running title, "Page 3
 * of 7", a protective marking) and which is no part of any row. Left in, it would cut a row in two at a page
 * break, or be read as a row of its own.
 */
import { readHeader } from './headers';
import { closeUnder, type Line } from './pdf-lines';

/** "3", "Page 3", "Page 3 of 7", "3 / 7", "- 3 -". */
const PAGE_NUMBER = /^(?:page\s*)?-?\s*\d{1,4}\s*-?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/** How close two lines on different pages must stand to be the same place on the page, in points. */
const SAME_PLACE = 3;

const textOf = (line: Line) => line.segments.map((s) => s.text).join(' ');
/** Numbers differ from page to page ("Page 2 of 7", "Page 3 of 7"); the furniture around them does not. */
const shapeOf = (line: Line) => textOf(line).replace(/\d+/g, '#').toLowerCase();

/**
 * Each page's lines without its furniture. Only a page's first and last lines can be furniture: a page number
 * set apart from the text (close under it, a number is the end of a wrapped cell: "31 March" over "2025"), or a
 * line that stands at the same place on another page with the same words. The first page's top line is kept,
 * since a running title there is the plan's title; a plan header repeated on every page is kept, since it opens
 * the table.
 */
export function withoutPageFurniture(pages: Line[][]): Line[][] {
  const edges = pages.map((lines) => new Set([lines[0], lines.at(-1)].filter((l): l is Line => l !== undefined)));
  const repeated = (line: Line, page: number) =>
    edges.some(
      (others, p) =>
        p !== page && [...others].some((o) => Math.abs(o.y - line.y) <= SAME_PLACE && shapeOf(o) === shapeOf(line)),
    );
  return pages.map((lines, page) =>
    lines.filter((line, i) => {
      if (!edges[page].has(line) || (page === 0 && i === 0)) return true;
      if (readHeader([line.segments.map((s) => s.text)], 0)) return true;
      const apart = i === 0 ? !closeUnder(line, lines[1] ?? line) : !closeUnder(lines[i - 1], line);
      return !(apart && PAGE_NUMBER.test(textOf(line))) && !repeated(line, page);
    }),
  );
}
