/**
 * Rows -> recommendations and their actions, before any cell is interpreted. Plans lay these out
 * in a few ways, all handled by one walk over the rows:
 *  - board style: one row per recommendation, which is also its single action (BTP);
 *  - grouped: a row with a recommendation and its first action, then rows with only an action (NCRS);
 *  - flat: a row per action, its recommendation's ref and text repeated on each (exports, Planner's buckets);
 *  - document style: a "Recommendation N:" heading, maybe a paragraph of what the report found, then a small
 *    table of key points / actions / results; or numbered bands ("Priority 1:", "Theme 2 –") merged across one
 *    table of actions, each over its own.
 * Section rows ("CRIME DATA ISSUES", "WITHIN THREE MONTHS", a "Theme 1:" band over recommendations of their
 * own) name the section of what follows, and rows
 * that carry neither a ref, a recommendation nor an action continue the cells of the row above
 * (a cell broken by a page break). A later table is part of the plan only when it reads as such: one
 * opening without a header when its rows read as the plan's, one of only some of the plan's columns when
 * its rows line up with those above as their right-hand half; any other (a timeline, a risk log) is left out.
 * Rows with text in the ref column that is no ref and nothing an action has (a count by RAG, a key as colour
 * beside meaning, set out under the table) join the text around the plan.
 */
import { parseDue, utc } from './due-date';
import { readHeader, type Column, type Field, type Header, normalise } from './headers';
import { isColourName, isStatusKey } from './status';
import type { ImportProblem } from './types';

/** Cell values of an action, keyed by column ("comment|Latest Update") so continuations find their cell. */
export type Cells = Map<string, string>;

export interface RawAction {
  row: number;
  text: string;
  /** Number the plan wrote for it ("1." before the text), if any. */
  writtenRef?: string;
  /** Its own priority, where a flat export gives each of a recommendation's actions one. */
  priority?: string;
  cells: Cells;
}

export interface RawRecommendation {
  row: number;
  ref?: string;
  text: string;
  section?: string;
  context?: string;
  priority?: string;
  agreed?: string;
  /** Board style: the recommendation row is its own action, so it has no separate action text. */
  boardStyle: boolean;
  actions: RawAction[];
}

export interface RawPlan {
  recommendations: RawRecommendation[];
  /** Cells of rows around the tables (and of header rows) that may name the title, issuer and plan owner. */
  preamble: string[][];
  headerFound: boolean;
}

/** Values of every column of `field`, in column order. */
export function valuesOf(cells: Cells, field: Field): string[] {
  const values: string[] = [];
  for (const [key, value] of cells) if (key.startsWith(field) && key[field.length] === '|') values.push(value);
  return values;
}
export const cellValue = (cells: Cells, field: Field): string => valuesOf(cells, field)[0] ?? '';

const REC_FIELDS: Field[] = ['ref', 'recommendation', 'priority', 'agreed', 'group'];
/** Any letter or digit in any script: "x", "42" and "Провести аудит" are all action text. */
const hasText = (s: string): boolean => /[\p{L}\p{N}]/u.test(s);
/** A ref as the plan writes it ("3", "AFI 3", "R1.2", "Recommendation 1.2"), kept whole without a trailing dot. */
const REF = /^((?:[a-z]{1,15}\.?\s?)?\d+(?:\.\d+)*[a-z]?)\.?$/i;
/** What a ref cell may repeat of its heading ("Ref 5", or "Re 5" when a PDF paste cut it). */
const REF_LABEL = /^(?:ref?|no|nr)\.?\s*(?=\d)/i;
/** The ref a cell holds, as the plan writes it without the heading it may repeat; undefined if it holds none. */
const refIn = (cell: string): string | undefined =>
  cell.length <= 24 ? REF.exec(cell)?.[1].replace(REF_LABEL, '') : undefined;
/** What a plan's refs start with before their number ("AFI " of "AFI 3", "" of "1.2"), to tell its refs from "Phase 1". */
const refPrefix = (ref: string): string => ref.replace(/\d.*$/, '').trim().toLowerCase();
/** "Recommendation 3: …", "Priority 2 – …", "R1. …": a heading over a small table of its own. */
const DOC_HEADING =
  /^(?:(?:recommendation|priority)\s+(?=\d)|(?=R\d))(?<ref>R?\d+(?:\.\d+)*)\s*[:.–-]\s*(?<text>.*)$/is;
/** A numbered group a plan sets as a band across its table: "Theme 2: …", "Objective 1 – …". */
const BAND_HEADING =
  /^(?:priority|theme|objective|outcome|workstream|aim)\s+(?<ref>\d+(?:\.\d+)*)\s*[:.–-]\s*(?<text>.*)$/is;
/** Page furniture: "Improvement Plan Owner: …" lines and capitalised plan titles repeated on every page. */
const isPlanMeta = (cells: string[]): boolean =>
  cells.some(
    (c) => /\b(?:portfolio|plan) owner\s*:/i.test(c) || (c.length <= 80 && /\bPLAN\b/.test(c) && c === c.toUpperCase()),
  );
const NOTHING_TO_DO = /^(no (issues?|recommendations?|actions?)( identified| raised)?|none|n\/a)\.?$/i;
/** Timescale sections nest inside the part of the plan they appear in ("National Recommendations"). */
const TIMESCALE = /^(immedia|now\b|within\b|(\w+) (months?|weeks?)\b|(short|medium|long)[- ]term)/i;

/** A heading the plan puts on a row of its own, in capitals or as one short line of words. */
function sectionOf(cells: string[], columns: Map<number, Column>): string | undefined {
  const filled = cells.map((c, i) => [c.trim(), i] as const).filter(([c]) => c);
  // Only the first three columns can hold a heading (below): table rows stop here, before the text work.
  if (filled.some(([, i]) => i > 2)) return undefined;
  // Pasted headings carry debris ("WITHIN .") and notes after a dash ("National Recommendations - report issued …").
  const text = filled
    .map(([c]) => c)
    .join(' ')
    .replace(/\s+-\s+.*$/, '')
    .replace(/(^|\s)[.,;:·•-]+(?=\s|$)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text || text.length > 80 || /:|\.\s|\.$/.test(text) || REF.test(filled[0][0])) return undefined;
  const letters = text.replace(/[^a-z]/gi, '');
  const capitals = letters.length >= 3 && letters === letters.toUpperCase();
  const oneShortCell =
    filled.length === 1 &&
    text.length <= 60 &&
    filled[0][1] <= 1 &&
    !['comment', 'due', 'owner'].includes(columns.get(filled[0][1])?.field ?? '');
  if (!capitals && !oneShortCell) return undefined;
  return text;
}

/** Cells glued to their heading by a PDF paste ("Due Date 01-Mar-15") lose the heading. */
function echoRemover(label: string): (cell: string) => string {
  const n = normalise(label);
  if (!n) return (cell) => cell;
  const echo = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*`, 'i');
  return (cell) => {
    // normalise(cell) starts with the cell's first letter, digit or slash: most cells fail on that, cheaply.
    if (cell.toLowerCase().match(/[a-z0-9/]/)?.[0] !== n[0]) return cell;
    return normalise(cell).startsWith(`${n} `) ? cell.replace(echo, '') : cell;
  };
}

/** What a table's columns mean for each row, worked out once per header rather than once per cell. */
interface Layout {
  columns: Map<number, Column>;
  /** By column index: the field, whether it belongs to the recommendation (or is the action text), the key of its cell. */
  slots: ({ field: Field; ofRec: boolean; key: string; withoutEcho: (cell: string) => string } | undefined)[];
  hasActionColumn: boolean;
  hasMarkerColumn: boolean;
  hasRecColumn: boolean;
  /** Cells in the header row: a table of another width is another table. */
  width: number;
}

function layoutOf(columns: Map<number, Column>, width = 0): Layout {
  const slots: Layout['slots'] = [];
  for (const [c, col] of columns) {
    const ofRec = REC_FIELDS.includes(col.field) || col.field === 'action';
    // A ref may start with its column's heading ("AFI 3" under "AFI"): that is the ref as written, not an echo.
    const withoutEcho = col.field === 'ref' ? (cell: string) => cell : echoRemover(col.label);
    slots[c] = { field: col.field, ofRec, key: `${col.field}|${col.label}`, withoutEcho };
  }
  const fields = [...columns.values()].map((c) => c.field);
  return {
    columns,
    slots,
    hasActionColumn: fields.includes('action'),
    hasMarkerColumn: fields.includes('ref') || fields.includes('priority'),
    hasRecColumn: fields.includes('recommendation'),
    width,
  };
}

/** Any report date serves: only whether a cell reads as a date matters, not which date. */
const ANY_REPORT_DATE = utc(2000, 0, 1);
const readsAsDate = (cell: string): boolean => parseDue(cell, ANY_REPORT_DATE).due.date !== null;
const DATE_FIELDS: Field[] = ['due', 'revisedDue', 'completedOn', 'updatedOn'];

/**
 * Whether a row of a headerless table reads as a row of the plan above: each cell fits its column (a ref
 * of the plan's kind, a date under a date, an owner that is no date) and at least one fits by its shape.
 */
function looksLikePlanRow(cells: string[], layout: Layout, planRefPrefix: string | undefined): boolean {
  if (cells.length !== layout.width) return false;
  let shaped = false;
  for (const [c, column] of layout.columns) {
    const cell = cells[c]?.trim() ?? '';
    if (!cell) continue;
    if (column.field === 'ref') {
      const ref = refIn(cell);
      if (ref === undefined || (planRefPrefix !== undefined && refPrefix(ref) !== planRefPrefix)) return false;
      shaped = true;
    } else if (DATE_FIELDS.includes(column.field)) {
      if (!readsAsDate(cell)) return false;
      shaped = true;
    } else if (column.field === 'owner' && readsAsDate(cell)) return false;
  }
  return shaped;
}

/**
 * A Word or Markdown table that opens without a header carries on the plan's table (split by a page break or
 * a paragraph) only when its rows read as the plan's rows; its rows are those of its first row's width.
 */
function continuesPlan(rows: string[][], start: number, layout: Layout, planRefPrefix: string | undefined): boolean {
  const width = rows[start].length;
  let planRows = 0;
  for (let i = start; i < rows.length && rows[i].length === width; i++) {
    const cells = rows[i];
    if (!cells.some((c) => c.trim()) || sectionOf(cells, layout.columns)) continue;
    if (!looksLikePlanRow(cells, layout, planRefPrefix)) return false;
    planRows++;
  }
  return planRows > 0;
}

/**
 * What a header opens: a plan table (it has a recommendation or action column, or a ref column with no rows
 * above to add to); maybe the right-hand half of the table above, which only adds columns to its rows (a
 * page split by columns repeats no more of them than the refs and the comment cut at the page's edge);
 * or another table (a timeline with its own owners and dates).
 */
function tableKind(header: Header, above: Layout, rowsAbove: boolean): 'plan' | 'half' | 'other' {
  const fields = new Set([...header.columns.values()].map((c) => c.field));
  if (fields.has('recommendation') || fields.has('action') || (fields.has('ref') && !rowsAbove)) return 'plan';
  const aboveFields = new Set([...above.columns.values()].map((c) => c.field));
  const repeats = [...fields].some((f) => f !== 'ref' && f !== 'comment' && aboveFields.has(f));
  return repeats ? 'other' : 'half';
}

/** An action of the rows since the last plan header, with the ref of its recommendation. */
interface BlockAction {
  action: RawAction;
  ref?: string;
}

/** A table of only some of a plan's columns, held until its rows show whether they continue the rows above. */
interface HalfTable {
  row: number;
  header: string;
  rows: { ref?: string; cells: Cells }[];
}

/**
 * The actions a table of other columns continues, row for row, as the right-hand half of a table a page
 * split by columns: its refs name the block's rows in order, or it has as many rows as the block. A table
 * of another length (a timeline, a risk log) continues nothing.
 */
function rowsContinued(half: HalfTable, block: BlockAction[]): RawAction[] | undefined {
  if (half.rows.every((r) => r.ref)) {
    let from = 0;
    const byRef = half.rows.map((r) => {
      const k = block.findIndex((b, j) => j >= from && (b.ref === r.ref || b.action.writtenRef === r.ref));
      from = k + 1;
      return block[k]?.action;
    });
    if (byRef.every(Boolean)) return byRef as RawAction[];
  }
  return half.rows.length === block.length ? block.map((b) => b.action) : undefined;
}

/** A key set out as a table, a colour beside what it means: the line "Blue = Complete and assured". */
function keyLine(cells: string[]): string[] | undefined {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length === 2 && isColourName(filled[0]) ? [filled.join(' = ')] : undefined;
}

/** Whether the next row with text is a table's header. */
function headerAfter(rows: string[][], i: number): boolean {
  let j = i + 1;
  while (j < rows.length && !rows[j].some((c) => c?.trim())) j++;
  return j < rows.length && readHeader(rows, j) !== undefined;
}

export function structure(
  rows: string[][],
  file: string,
  problems: ImportProblem[],
  tableStarts?: Set<number>,
): RawPlan {
  const plan: RawPlan = { recommendations: [], preamble: [], headerFound: false };
  let layout = layoutOf(new Map());
  /** The columns of the plan's latest table, which a table opening without a header may carry on. */
  let planLayout = layout;
  let part: string | undefined;
  let timescale: string | undefined;
  let rec: RawRecommendation | undefined;
  let action: RawAction | undefined;
  /** Actions since the last plan header, for a table split across pages by columns. */
  let block: BlockAction[] = [];
  let half: HalfTable | undefined;
  let headingRec: RawRecommendation | undefined;

  const warn = (row: number, message: string) => problems.push({ file, row, message, severity: 'warning' });
  const firstCells = (cells: string[]) => cells.filter(Boolean).join(' | ').slice(0, 60);
  const leaveOut = (row: number, first: string) => {
    // The rows above end here: a table after this one cannot be their right-hand half.
    block = [];
    warn(row, `left out, as not a plan table: '${first}' and the rows under it`);
  };
  const closeHalf = () => {
    if (!half) return;
    const targets = rowsContinued(half, block);
    if (!targets) leaveOut(half.row, half.header);
    else
      half.rows.forEach(({ cells }, k) => {
        for (const [key, value] of cells) targets[k].cells.set(key, value);
      });
    half = undefined;
  };
  const setSection = (text: string) => {
    if (TIMESCALE.test(text)) timescale = text;
    else {
      part = text;
      timescale = undefined;
    }
  };
  /** The kind of ref the plan writes, read off its latest recommendation. */
  const planRefPrefix = () => (rec?.ref === undefined ? undefined : refPrefix(rec.ref));
  const section = () => [part, timescale].filter(Boolean).join(' — ') || undefined;
  const newRec = (row: number, ref: string | undefined, text: string, boardStyle: boolean): RawRecommendation => {
    rec = { row, ref, text, section: section(), boardStyle, actions: [] };
    plan.recommendations.push(rec);
    action = undefined;
    return rec;
  };
  const newAction = (row: number, text: string, cells: Cells, writtenRef?: string): RawAction => {
    const m = /^(\d{1,3}(?:\.\d+)*)\s*[.):]?\s*(?=\D)/.exec(text);
    if (!rec) {
      newRec(row, undefined, '', false);
      warn(row, 'action found before any recommendation');
    }
    const own = writtenRef ?? refIn(cellValue(cells, 'actionRef')) ?? m?.[1];
    action = { row, text: m ? text.slice(m[0].length).trim() : text, writtenRef: own, cells };
    rec!.actions.push(action);
    block.push({ action, ref: rec!.ref });
    return action;
  };

  for (let i = 0; i < rows.length; i++) {
    const row = i + 1;
    const cells = rows[i].map((c) => c ?? '');
    if (!cells.some((c) => c.trim())) continue;

    const header = readHeader(rows, i);
    if (header || tableStarts?.has(i)) closeHalf();
    // A document's next table without a plan header (a timeline, a glossary) is not part of the plan.
    if (!header && tableStarts?.has(i)) {
      const continues = continuesPlan(rows, i, planLayout, planRefPrefix());
      layout = continues ? planLayout : layoutOf(new Map());
      if (!continues && plan.headerFound) leaveOut(row, firstCells(cells));
    }
    if (header) {
      const kind = tableKind(header, layout, block.length > 0);
      if (kind === 'other') {
        leaveOut(row, firstCells(cells));
        layout = layoutOf(new Map());
        i += header.height - 1;
        continue;
      }
      layout = layoutOf(header.columns, cells.length);
      if (kind === 'half') half = { row, header: firstCells(cells), rows: [] };
      else {
        block = [];
        planLayout = layout;
      }
      plan.headerFound = true;
      plan.preamble.push(cells.filter(Boolean));
      if (header.leftover) setSection(header.leftover);
      i += header.height - 1;
      continue;
    }

    if (isPlanMeta(cells) || isStatusKey(cells)) {
      plan.preamble.push(cells.filter(Boolean));
      continue;
    }
    const filled = cells.filter((c) => c.trim());
    const lone = filled.length === 1 ? filled[0].trim() : undefined;
    // A row merged across the plan's table, rather than the heading of a table of its own.
    const band = lone !== undefined && cells.length >= 2 && cells.length === layout.width && !headerAfter(rows, i);
    const doc = lone === undefined ? null : (DOC_HEADING.exec(lone) ?? (band ? BAND_HEADING.exec(lone) : null));
    if (doc?.groups) {
      closeHalf();
      // Over rows that are recommendations of their own, a band names their part of the plan.
      if (band && layout.hasRecColumn) {
        setSection(lone!);
        continue;
      }
      headingRec = newRec(row, doc.groups.ref, doc.groups.text.trim(), false);
      // A band heads the table's rows under it; a heading between tables opens no columns.
      if (!band) layout = layoutOf(new Map());
      continue;
    }
    if (!plan.headerFound || !layout.columns.size) {
      const heading = sectionOf(cells, layout.columns);
      if (plan.headerFound && heading) setSection(heading);
      // A paragraph between a recommendation's heading and its table says what the report found.
      else if (headingRec && rec === headingRec && lone !== undefined)
        rec.context = [rec.context, lone].filter(Boolean).join('\n');
      else plan.preamble.push(cells.filter(Boolean));
      continue;
    }
    // A right-hand half has nothing where the left half names a section: its short rows are rows.
    const heading = half ? undefined : sectionOf(cells, layout.columns);
    if (heading) {
      setSection(heading);
      continue;
    }

    const recCells = new Map<Field, string>();
    const actionCells: Cells = new Map();
    cells.forEach((cell, c) => {
      const slot = layout.slots[c];
      const value = slot ? slot.withoutEcho(cell).trim() : '';
      if (!slot || !hasText(value)) return;
      if (slot.ofRec) recCells.set(slot.field, value);
      else actionCells.set(slot.key, value);
    });

    const ref = refIn(recCells.get('ref') ?? '');
    if (half) {
      half.rows.push({ ref, cells: actionCells });
      continue;
    }

    const recText = recCells.get('recommendation') ?? '';
    const actText = hasText(recCells.get('action') ?? '') ? recCells.get('action')! : '';
    // Text in the ref column that is no ref, beside nothing an action has, is a table set out under the plan
    // (a count by RAG, the key as colour beside meaning): it goes with the text around the plan.
    if (recCells.has('ref') && !ref && !actText && !actionCells.size) {
      plan.preamble.push(keyLine(cells) ?? cells.filter(Boolean));
      continue;
    }
    const { hasActionColumn, hasMarkerColumn } = layout;

    if (headingRec && rec === headingRec) {
      // Document style: the small table's key points describe the heading's recommendation.
      if (recText) rec.context = [rec.context, recText].filter(Boolean).join('\n');
      // A ref cell numbering the action within the heading's number ("1.2" under "Priority 1") is the action's.
      const ownRef = ref && rec.ref && ref.startsWith(`${rec.ref}.`) ? ref : undefined;
      if (actText) newAction(row, actText, actionCells, ownRef);
      else if (action) appendCells(action.cells, actionCells, '\n');
      continue;
    }

    const continuesRec =
      rec &&
      recText &&
      !ref &&
      !recCells.get('priority') &&
      (/^[a-z]/.test(recText) || (hasMarkerColumn && !/[.!?:)]$/.test(rec.text)));
    if (recText && NOTHING_TO_DO.test(recText)) continue;
    // A tracker of several audits names each row's audit: its recommendations are that audit's part.
    const group = recCells.get('group');
    // A flat export repeats the recommendation's ref and text on the row of each of its actions.
    const repeatsRec =
      rec &&
      actText &&
      hasActionColumn &&
      (ref || recText) &&
      (!ref || ref === rec.ref) &&
      (!recText || recText === rec.text) &&
      (!group || group === part);
    if (repeatsRec) {
      newAction(row, actText, actionCells).priority = recCells.get('priority');
      continue;
    }
    if (group && group !== part) setSection(group);
    if (ref || (recText && !continuesRec)) {
      const r = newRec(row, ref, recText, !hasActionColumn);
      r.priority = recCells.get('priority');
      r.agreed = recCells.get('agreed');
      if (!recText) warn(row, `recommendation ${ref} has no text`);
      if (!hasActionColumn) newAction(row, '', actionCells);
      else if (actText) newAction(row, actText, actionCells);
    } else if (continuesRec && rec) {
      rec.text = `${rec.text} ${recText}`;
      if (actText) newAction(row, actText, actionCells);
    } else if (actText) {
      newAction(row, actText, actionCells);
    } else if (action && actionCells.size) {
      appendCells(action.cells, actionCells, '\n');
    } else {
      warn(row, `text outside any recommendation ignored: '${cells.filter(Boolean).join(' ').slice(0, 60)}'`);
    }
  }
  closeHalf();
  return plan;
}

function appendCells(into: Cells, from: Cells, joiner: string): void {
  for (const [k, v] of from) into.set(k, into.has(k) ? `${into.get(k)}${joiner}${v}` : v);
}

/** "As Actions 1-6 above", "see Action 3", "as detailed in actions 2, 4 and 5" -> the refs pointed to. */
export function linkedRefs(text: string): string[] {
  const m =
    /\b(?:as|see|refer to)\s+(?:(?:per|in|detailed in)\s+)?actions?\s+((?:\d+(?:\.\d+)*\s*(?:-|–|to|,|&|and)?\s*)+)/i.exec(
      text,
    );
  if (!m) return [];
  return m[1]
    .trim()
    .split(/\s*(?:,|&|\band\b)\s*/)
    .flatMap((part) => {
      const range = /^(\d+)\s*(?:-|–|to)\s*(\d+)$/.exec(part);
      if (!range) return /^\d+(\.\d+)*$/.test(part) ? [part] : [];
      const [from, to] = [Number(range[1]), Number(range[2])];
      return to >= from && to - from < 100 ? Array.from({ length: to - from + 1 }, (_, k) => String(from + k)) : [];
    });
}

/** "… (Page 57, para 7.33)" at the end of a recommendation -> its text and where the report says it. */
export function splitLocator(text: string): { text: string; sourceLocator?: string } {
  const m = /\s*\(((?:page|para(?:graph)?|p\.)\s*[\d.]+(?:\s*,\s*(?:page|para(?:graph)?|p\.)\s*[\d.]+)*)\)\s*$/i.exec(
    text,
  );
  return m ? { text: text.slice(0, m.index).trim(), sourceLocator: m[1] } : { text };
}
