/**
 * A RAG column kept as cell colour alone: trackers often leave the RAG cell empty and fill it red, amber
 * or green (blue for BRAG's "complete"). Under a RAG or status header, an empty filled cell reads as the
 * word its colour stands for, so the column then reads like any written one (status.ts, and a plan's own
 * key). Colours are judged by hue, so the standard palette, theme accents and tints all count; greys,
 * white and black say nothing.
 */
import { readHeader } from './headers';
import type { Table } from './types';

export type FillWord = 'Red' | 'Amber' | 'Green' | 'Blue';

/** A cell fill's colour as exceljs reports it. */
export interface FillColour {
  argb?: string;
  theme?: number;
  indexed?: number;
}

/** Office's default theme, by exceljs' theme index: dark 1/2, light 1/2, then accents 1–6. */
const THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** The legacy palette's entries people pick for RAG. */
const INDEXED: Record<number, string> = {
  10: 'FF0000',
  11: '00FF00',
  12: '0000FF',
  13: 'FFFF00',
  17: '008000',
  50: '99CC00',
  51: 'FFCC00',
  52: 'FF9900',
  53: 'FF6600',
};

export function fillWord(colour: FillColour | undefined): FillWord | null {
  const hex =
    colour?.argb?.slice(-6) ??
    (colour?.theme !== undefined ? THEME[colour.theme] : undefined) ??
    (colour?.indexed !== undefined ? INDEXED[colour.indexed] : undefined);
  if (!hex || !/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const chroma = max - min;
  if (chroma < 0.1 || lightness < 0.12 || lightness > 0.95) return null;
  const hue =
    max === r
      ? (((g - b) / chroma) * 60 + 360) % 360
      : max === g
        ? ((b - r) / chroma + 2) * 60
        : ((r - g) / chroma + 4) * 60;
  if (hue < 15 || hue >= 340) return 'Red';
  if (hue < 65) return 'Amber';
  if (hue < 170) return 'Green';
  if (hue < 260) return 'Blue';
  return null;
}

/** Colours a wiki names its cell highlights by (Confluence's `highlight-<name>` and `data-highlight-colour`). */
const NAMED: Record<string, FillWord> = {
  red: 'Red',
  amber: 'Amber',
  orange: 'Amber',
  yellow: 'Amber',
  green: 'Green',
  blue: 'Blue',
};

/**
 * A web page's table cell colour, from its attributes: a highlight a wiki names, or a background given as
 * `#rgb`, `#rrggbb` or `rgb(r, g, b)` in its style or bgcolor.
 */
export function htmlCellFill(attributes: string): FillWord | null {
  const named = /\bhighlight-([a-z]+)|data-highlight-colou?r="([a-z]+)"/i.exec(attributes);
  const background = /background(?:-color)?\s*:\s*([^;"]+)|bgcolor="([^"]+)"/i.exec(attributes);
  const value = (named?.[1] ?? named?.[2] ?? background?.[1] ?? background?.[2] ?? '').trim().toLowerCase();
  return NAMED[value] ?? fillWord({ argb: cssHex(value) });
}

/** "#f00", "#ff0000" or "rgb(255, 0, 0)" as "ff0000"; anything else undefined. */
function cssHex(value: string): string | undefined {
  const rgb = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/.exec(value);
  if (rgb)
    return rgb
      .slice(1, 4)
      .map((n) => Number(n).toString(16).padStart(2, '0'))
      .join('');
  if (/^#[0-9a-f]{6}$/.test(value)) return value.slice(1);
  if (/^#[0-9a-f]{3}$/.test(value)) return [...value.slice(1)].map((c) => c + c).join('');
  return undefined;
}

/** The table with empty cells under its RAG headers read from their fill. */
export function withFillRag(table: Table): Table {
  const { fills } = table;
  if (!fills) return table;
  const rows = table.rows.map((r) => [...r]);
  let ragColumns: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const header = readHeader(table.rows, i);
    if (header) {
      ragColumns = [...header.columns].filter(([, c]) => c.field === 'rag').map(([column]) => column);
      i += header.height - 1;
      continue;
    }
    for (const column of ragColumns) {
      const word = fills[i]?.[column];
      if (word && !rows[i][column]?.trim()) rows[i][column] = word;
    }
  }
  return { ...table, rows };
}
