/**
 * Where an imported action stands. Plans mark completion in many places and words: a Complete Yes/No
 * column, a RAG or BRAG column ("COMPLETE", "Blue", "Implemented", "Done ✅"), "(CLOSED)" beside the
 * date of update, a filled "Date completed", "Implemented" written in the date column, or a comment that
 * starts "Completed." Only "(CLOSED)" means the plan owner has signed it off; every other "done" is the
 * owner's word, so it awaits verification as any action completed in Chaser does. A plan that says a
 * risk was accepted or an action superseded has closed it without implementing it.
 */
import type { ActionStatus, Rag } from '../domain';
import { parseDay } from './due-date';
import type { ParsedAction } from './types';

const RAG_WORDS: Record<string, Rag> = {
  r: 'RED', red: 'RED', a: 'AMBER', amber: 'AMBER', g: 'GREEN', green: 'GREEN',
  b: 'COMPLETE', blue: 'COMPLETE', complete: 'COMPLETE', completed: 'COMPLETE', closed: 'COMPLETE',
  implemented: 'COMPLETE', done: 'COMPLETE', achieved: 'COMPLETE',
};

export function parseRag(cell: string): Rag | null {
  return RAG_WORDS[cell.trim().toLowerCase().replace(/[^a-z]/g, '')] ?? null;
}

/**
 * A Complete, status or date cell that says the work is done: the word alone, or with a tick, a date or a
 * bracket after it ("Done ✅", "Implemented 12/03/2024"), but not "Complete by March 2025".
 */
const DONE = /^(?:yes|y|true|complete[d]?|done|implemented|achieved|closed|finished)\b[\s.,:;!\u2713\u2714\u2705-]*(?:\(.*\)|\d.*)?$/iu;
/** Words that open a comment saying it is done: "Completed. The policy was published…". */
const SAID_DONE = /^(completed?|done|achieved|implemented|closed)\b/i;
const RISK_ACCEPTED = /\brisk\s+accepted\b|\baccepted\s+(?:the\s+)?risk\b/i;
const SUPERSEDED = /\bsuperseded\b|\bno longer (?:applicable|relevant|required)\b/i;

export interface StatusCells {
  complete?: string;
  rag?: string;
  updatedOn?: string;
  /** A "Date completed" column. */
  completedOn?: string;
  /** The due column, where some plans write "Implemented" instead of a date. */
  due?: string;
  /** The latest comment, whose first word may be the status ("Awaits consultation ..."). */
  latestComment?: string;
}

export type ParsedStatus = Pick<ParsedAction, 'status' | 'reportedRag' | 'outcome' | 'completedAt'>;

export function parseStatus(cells: StatusCells): ParsedStatus {
  const reportedRag = parseRag(cells.rag ?? '');
  const marks = [cells.complete, cells.rag, cells.due].map((c) => (c ?? '').trim());
  const comment = (cells.latestComment ?? '').trim();
  // A comment closes only by starting so ("Superseded by …"): elsewhere the words may say something else.
  const closedBy = (re: RegExp) => marks.some((m) => re.test(m)) || new RegExp(`^(?:${re.source})`, 'i').test(comment);
  if (closedBy(RISK_ACCEPTED)) return closed('risk_accepted', reportedRag);
  if (closedBy(SUPERSEDED)) return closed('superseded', reportedRag);

  const completedAt = cells.completedOn ? parseDay(cells.completedOn) : null;
  const signedOff = /\(closed\)/i.test(`${cells.updatedOn ?? ''} ${cells.rag ?? ''} ${cells.complete ?? ''}`);
  const done =
    signedOff ||
    marks.some((m) => DONE.test(m)) ||
    reportedRag === 'COMPLETE' ||
    completedAt !== null ||
    (!marks[0] && SAID_DONE.test(comment));
  const status: ActionStatus = signedOff ? 'complete' : done ? 'awaiting_verification' : 'open';
  // Implemented is an outcome once verified; the plan owner's "(CLOSED)" is that verification.
  return { status, reportedRag, ...(completedAt && { completedAt }), ...(signedOff && { outcome: 'implemented' as const }) };
}

function closed(outcome: 'risk_accepted' | 'superseded', reportedRag: Rag | null): ParsedStatus {
  return { status: 'closed', reportedRag, outcome };
}
