/**
 * The digest's small chart: one 100 %-stacked bar per digest (Red at the bottom, then Amber, Green,
 * Complete), oldest left, drawn into an RGBA buffer; a transparent background suits Teams' light and
 * dark themes.
 */
import type { RagCounts } from '../core/digest/compute';
import { RAGS, type Rag } from '../core/domain';
import { encodePng } from './png';

const COLOURS: Record<Rag, [number, number, number]> = {
  RED: [0xd1, 0x34, 0x38],
  AMBER: [0xff, 0xaa, 0x44],
  GREEN: [0x10, 0x7c, 0x10],
  COMPLETE: [0x00, 0x78, 0xd4],
  RISK_ACCEPTED: [0x8a, 0x3f, 0xa0],
  SUPERSEDED: [0x8a, 0x88, 0x86],
};
const BAR = 18;
const GAP = 6;
const HEIGHT = 48;

/** PNG bytes of the chart for up to 8 digests' counts (oldest first). */
export function ragChartPng(history: RagCounts[], slots = 8): Buffer {
  const width = slots * (BAR + GAP) - GAP;
  const pixels = Buffer.alloc(width * HEIGHT * 4);
  const shown = history.slice(-slots);
  shown.forEach((counts, i) => {
    const total = RAGS.reduce((n, r) => n + counts[r], 0);
    if (!total) return;
    const x0 = (slots - shown.length + i) * (BAR + GAP);
    let y = HEIGHT;
    let cumulative = 0;
    for (const rag of RAGS) {
      cumulative += counts[rag];
      const top = HEIGHT - Math.round((cumulative / total) * HEIGHT);
      for (let yy = top; yy < y; yy++) for (let x = x0; x < x0 + BAR; x++) setPixel(pixels, width, x, yy, COLOURS[rag]);
      y = top;
    }
  });
  return encodePng(width, HEIGHT, pixels);
}

export function pngDataUri(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}

function setPixel(buf: Buffer, width: number, x: number, y: number, [r, g, b]: [number, number, number]) {
  const i = (y * width + x) * 4;
  buf[i] = r;
  buf[i + 1] = g;
  buf[i + 2] = b;
  buf[i + 3] = 255;
}
