/**
 * Where an imported action stands. Plans mark completion in several places: a Complete Yes/No
 * column, a RAG column reading "COMPLETE", "(CLOSED)" beside the date of update, or a comment that
 * starts "Completed". Only "(CLOSED)" means the plan owner has signed it off; every other
 * "done" is the owner's word, so it awaits verification as any action completed in Chaser does.
 */
import type { ActionStatus, Rag } from '../domain';

const RAG_WORDS: Record<string, Rag> = {
  r: 'RED', red: 'RED', a: 'AMBER', amber: 'AMBER', g: 'GREEN', green: 'GREEN',
  complete: 'COMPLETE', completed: 'COMPLETE', blue: 'COMPLETE', closed: 'COMPLETE',
};

export function parseRag(cell: string): Rag | null {
  return RAG_WORDS[cell.trim().toLowerCase().replace(/[^a-z]/g, '')] ?? null;
}

export interface StatusCells {
  complete?: string;
  rag?: string;
  updatedOn?: string;
  /** The latest comment, whose first word may be the status ("Awaits consultation ..."). */
  latestComment?: string;
}

export function parseStatus(cells: StatusCells): { status: ActionStatus; reportedRag: Rag | null } {
  const reportedRag = parseRag(cells.rag ?? '');
  if (/\(closed\)/i.test(`${cells.updatedOn ?? ''} ${cells.rag ?? ''} ${cells.complete ?? ''}`)) return { status: 'complete', reportedRag };
  const complete = (cells.complete ?? '').trim().toLowerCase();
  const said = /^(completed?|done|achieved)\b/i.test((cells.latestComment ?? '').trim());
  const done = /^(yes|y|complete[d]?|done)$/.test(complete) || reportedRag === 'COMPLETE' || (complete === '' && said);
  return { status: done ? 'awaiting_verification' : 'open', reportedRag };
}
