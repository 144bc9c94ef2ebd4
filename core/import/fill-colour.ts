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
