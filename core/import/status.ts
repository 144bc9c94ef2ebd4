/**
 * Where an imported action stands. Plans mark completion in several places: a Complete Yes/No
 * column, a RAG or status column ("COMPLETE", "Implemented", BRAG Blue, a colour noted "Green - complete"),
 * "(CLOSED)" beside the date of update, a filled "Date completed", "Implemented" written where the date goes,
 * or a comment that starts "Completed". Only "(CLOSED)" means the plan owner has signed it off; every other "done" is
 * the owner's word, so it awaits verification as any action completed in Chaser does. Risk accepted
 * and superseded end an action without implementing it, so those close it with that outcome.
 */
import type { Rag } from '../domain';
import type { ParsedAction } from './types';

const RAG_WORDS: Record<string, Rag> = {
  r: 'RED',
  red: 'RED',
  a: 'AMBER',
  amber: 'AMBER',
  g: 'GREEN',
  green: 'GREEN',
  b: 'COMPLETE',
  complete: 'COMPLETE',
  completed: 'COMPLETE',
  blue: 'COMPLETE',
  closed: 'COMPLETE',
};

const letters = (cell: string): string =>
  cell
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, '');

/** Coloured marks a wiki page or a Teams table shows status with instead of words. */
const RAG_MARKS: [RegExp, Rag][] = [
  [/[🔴🟥]/u, 'RED'],
  [/[🟠🟡🟧🟨]/u, 'AMBER'],
  [/[🟢🟩]/u, 'GREEN'],
  [/[🔵🟦]/u, 'COMPLETE'],
];

const COLOUR = '(red|amber|green|blue)';
/** A colour with a note after it: "Red - overdue", "Amber: at risk". */
const COLOUR_BEFORE_NOTE = `${COLOUR}\\s*[-–—:/(]`;
const COLOUR_WITH_NOTE = new RegExp(`^\\s*${COLOUR_BEFORE_NOTE}`, 'i');

export function parseRag(cell: string): Rag | null {
  return (
    RAG_WORDS[letters(cell)] ??
    RAG_WORDS[COLOUR_WITH_NOTE.exec(cell)?.[1].toLowerCase() ?? ''] ??
    RAG_MARKS.find(([mark]) => mark.test(cell))?.[1] ??
    null
  );
}

/**
 * What opens a cell before its words: a tick or coloured mark ("✅ Done", "🟠 In progress"), or a colour that a
 * note follows ("Green - complete"), whose note says whether the work is done.
 */
const BEFORE_WORDS = new RegExp(`^(?:[^\\p{L}\\p{N}]+|${COLOUR_BEFORE_NOTE})*`, 'iu');
const words = (cell: string | undefined): string => (cell ?? '').trim().replace(BEFORE_WORDS, '');

/**
 * Words that say an action is finished, at the start of a status, RAG or Complete cell; the owner putting it
 * forward to be closed ("Proposed for closure", "Awaiting closure sign-off") says so too.
 */
export const DONE =
  /^(?:(?:actions?|fully|now)\s+)?(?:yes|y|complete[d]?|closed|done|achieved|implemented|finished|delivered|in place|embedded|(?:proposed|recommended|submitted|put forward|ready) (?:for|to) clos(?:e|ure)|awaiting (?:closure|sign[- ]off)|(?:transferred|moved) (?:to|into) (?:bau|business as usual)|(?:part of )?business as usual|100 ?%)(?=\W|$)/i;
const RISK_ACCEPTED = /\brisk (?:was )?accepted\b|\baccepted (?:the )?risk\b/i;
/** Ended without being done: overtaken, dropped or folded into another action. */
const SUPERSEDED =
  /^(?:superseded|withdrawn|cancell?ed|no longer (?:applicable|required|relevant)|merged (?:with|into))\b|\b(?:superseded|duplicate)\b/i;
/**
 * A date cell (a due date, a "Results/timescale") that says the work is done rather than when it is due:
 * a past-tense word leading it ("Implemented", "Done ✅", "Completed. March 2008", "Implemented - reports go
 * to each committee"), unless a deadline follows ("Completed by March 2025"); "Complete" only alone or
 * before a date ("Complete 12/03/2024"), since "Complete by March 2025" and "Complete March 2025" are due dates.
 */
const DUE_DONE =
  /^(?:(?:completed|implemented|achieved|closed|finished|delivered|done)\b(?!\s+(?:by|before|within|due|no later|end)\b)|complete\b[\s.,:;!\u2713\u2714\u2705-]*(?:\(.*\)|\d.*)?$)/iu;

export const dateCellSaysDone = (cell: string | undefined): boolean => !!cell && DUE_DONE.test(cell.trim());

/** Cells that start with a negation are never done ("Not implemented", "Partially complete"). */
const NOT_DONE = /^(?:no|n|not|partially|partly|part|in progress|ongoing|open)\b/i;

/** What a plan's own key says its colours mean: "GREEN – Implemented", "On track = Amber". */
export interface StatusKey {
  /** Colour -> done, when the key says that colour means finished work. */
  doneColours: Set<Rag>;
  /** A status word of the plan -> the colour its key gives it. */
  colourOf: Map<string, Rag>;
}

const KEY_PAIR = new RegExp(
  `\\b${COLOUR}\\s*(?:[-–—=:]|means)\\s*([a-z][a-z ]{2,40}?)\\s*(?=[;,.\\n]|\\b(?:red|amber|green|blue)\\b|$)`,
  'gi',
);
const COLOUR_WORD = new RegExp(`\\b${COLOUR}\\b`, 'i');
const COLOUR_NAME = new RegExp(`^${COLOUR}$`, 'i');

/** "Red", "amber": the name of a RAG colour, alone. */
export const isColourName = (text: string): boolean => COLOUR_NAME.test(text);
const KEY_PAIR_REVERSED = /\b([a-z][a-z ]{2,30}?)\s*=\s*(red|amber|green|blue)\b/gi;

/** The key a plan prints above or below its table, read from the text around the tables. */
export function readStatusKey(cells: string[]): StatusKey {
  const key: StatusKey = { doneColours: new Set(), colourOf: new Map() };
  for (const cell of cells) {
    for (const [, colour, meaning] of cell.matchAll(KEY_PAIR)) {
      const rag = parseRag(colour)!;
      if (DONE.test(meaning.trim()) && !NOT_DONE.test(meaning.trim())) key.doneColours.add(rag);
      key.colourOf.set(letters(meaning), rag);
    }
    for (const [, meaning, colour] of cell.matchAll(KEY_PAIR_REVERSED))
      key.colourOf.set(letters(meaning), parseRag(colour)!);
  }
  return key;
}

/**
 * A row that is the plan's key, wherever it stands (often under the table): its cells name what two colours or
 * more mean, and nothing else ("Key:" apart).
 */
export function isStatusKey(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  // Every row of a plan is asked: most name no colour at all, which is quick to see.
  const pairs = (cell: string) =>
    COLOUR_WORD.test(cell) ? [...cell.matchAll(KEY_PAIR), ...cell.matchAll(KEY_PAIR_REVERSED)].length : 0;
  return (
    filled.every((cell) => /^key\W*$/i.test(cell) || pairs(cell) > 0) &&
    filled.reduce((n, cell) => n + pairs(cell), 0) >= 2
  );
}

export interface StatusCells {
  complete?: string;
  rag?: string;
  updatedOn?: string;
  /** The latest comment, whose first word may be the status ("Completed. Training delivered ..."). */
  latestComment?: string;
  /** A "Date completed" cell: any date there means the owner says it is done. */
  completedOn?: string;
  /** The due date cell, where some plans write "Implemented" instead of a date. */
  due?: string;
}

export type ReadStatus = Pick<ParsedAction, 'status' | 'reportedRag' | 'outcome'>;

/** A status or RAG cell that points at the row above ("See above", "As above", "Ditto"). */
export const SAME_AS_ABOVE = /^(?:see above|as above|same as above|ditto|")\W*$/i;

export function parseStatus(cells: StatusCells, key?: StatusKey): ReadStatus {
  const statusCells = [cells.rag, cells.complete, cells.due].map((c) => (c ?? '').trim()).filter(Boolean);
  const closure = statusCells.find((c) => RISK_ACCEPTED.test(c) || SUPERSEDED.test(c));
  if (closure) {
    const riskAccepted = RISK_ACCEPTED.test(closure);
    return {
      status: 'closed',
      reportedRag: riskAccepted ? 'RISK_ACCEPTED' : 'SUPERSEDED',
      outcome: riskAccepted ? 'risk_accepted' : 'superseded',
    };
  }
  const rag = parseRag(cells.rag ?? '') ?? key?.colourOf.get(letters(cells.rag ?? '')) ?? null;
  const reportedRag = rag && key?.doneColours.has(rag) ? 'COMPLETE' : rag;
  if (/\(closed\)/i.test(`${cells.updatedOn ?? ''} ${cells.rag ?? ''} ${cells.complete ?? ''}`))
    return { status: 'complete', reportedRag };
  const saysDone = (c: string | undefined) => DONE.test(words(c)) && !NOT_DONE.test(words(c));
  const complete = (cells.complete ?? '').trim();
  const commentSays = /^(completed?|done|achieved|implemented)\b/i.test((cells.latestComment ?? '').trim());
  const done =
    saysDone(complete) ||
    saysDone(cells.rag) ||
    reportedRag === 'COMPLETE' ||
    dateCellSaysDone(cells.due) ||
    /\d/.test(cells.completedOn ?? '') ||
    (complete === '' && commentSays);
  return { status: done ? 'awaiting_verification' : 'open', reportedRag };
}
