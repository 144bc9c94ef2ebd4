/**
 * A PDF's positioned text -> lines of segments: pieces at one height make a line, pieces a gap apart its
 * segments (cells, when the line is a row of a table).
 */
import { z } from 'zod';

/** A piece of text as pdf.js places it: x, y of its baseline start in points, y upwards. */
export const pdfTextSchema = z.object({
  text: z.string(),
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});
export type PdfText = z.infer<typeof pdfTextSchema>;

export interface Segment {
  x: number;
  end: number;
  text: string;
}

export interface Line {
  y: number;
  height: number;
  segments: Segment[];
}

export function linesOf(items: PdfText[]): Line[] {
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
export const closeUnder = (above: Pick<Line, 'y' | 'height'>, below: Pick<Line, 'y' | 'height'>) =>
  above.y - below.y <= Math.max(above.height, below.height) * 1.6;

/** The commonest line height, rounded: the body text's size, which headings are set larger than. */
export function bodyHeight(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.height), (counts.get(Math.round(line.height)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}
