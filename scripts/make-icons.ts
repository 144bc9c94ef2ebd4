/**
 * Draws the Teams app icons (a tick in a circle) and writes them as PNG with node:zlib, so the icons
 * can be regenerated without an image editor or a native dependency. Run once after changing the
 * design: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 *
 * Teams wants a 192x192 full-colour icon and a 32x32 outline icon that is white on transparent.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from '../cards/png';

type Rgba = [number, number, number, number];

const ACCENT: Rgba = [0x46, 0x4e, 0xb8, 255]; // Teams purple, as in the manifest's accentColor
const WHITE: Rgba = [255, 255, 255, 255];

/** Distance from point p to the segment a–b, in pixels. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** Tick strokes in unit coordinates (0..1), shared by both icons so they read as the same mark. */
const TICK = [
  [0.28, 0.52, 0.44, 0.68],
  [0.44, 0.68, 0.73, 0.36],
] as const;

/**
 * Which part of the glyph a pixel centre falls in: the tick, the ring (outline only), the disc, or
 * nothing. Supersampled 4x4 so the edges are antialiased rather than jagged.
 */
function coverage(size: number, x: number, y: number, style: 'color' | 'outline'): { tick: number; shape: number } {
  const n = 4;
  let tick = 0;
  let shape = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const u = (x + (i + 0.5) / n) / size;
      const v = (y + (j + 0.5) / n) / size;
      const r = Math.hypot(u - 0.5, v - 0.5);
      const onTick = TICK.some(
        ([ax, ay, bx, by]) => segmentDistance(u, v, ax, ay, bx, by) < (style === 'color' ? 0.055 : 0.065),
      );
      if (onTick) tick++;
      else if (style === 'color' ? r < 0.46 : r < 0.47 && r > 0.39) shape++;
    }
  }
  return { tick: tick / (n * n), shape: shape / (n * n) };
}

function draw(size: number, style: 'color' | 'outline'): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const { tick, shape } = coverage(size, x, y, style);
      // Colour icon: white tick over a purple disc on white. Outline: white tick and ring on transparent.
      const [r, g, b, a]: Rgba =
        style === 'color'
          ? mix(mix(WHITE, ACCENT, shape + tick), WHITE, tick / Math.max(shape + tick, 1e-9))
          : [255, 255, 255, Math.round(255 * Math.min(1, tick + shape))];
      pixels.set([r, g, b, a], (y * size + x) * 4);
    }
  }
  return pixels;
}

/** Linear blend: weight 0 gives `from`, 1 gives `to`. */
function mix(from: Rgba, to: Rgba, weight: number): Rgba {
  return from.map((c, i) => Math.round(c + (to[i] - c) * weight)) as Rgba;
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'appPackage');
  writeFileSync(join(dir, 'color.png'), encodePng(192, 192, draw(192, 'color')));
  writeFileSync(join(dir, 'outline.png'), encodePng(32, 32, draw(32, 'outline')));
  console.log(`wrote ${dir}/color.png (192x192) and outline.png (32x32)`);
}
