/**
 * Every history row as one sentence a committee can read: who did what, why, and who approved it.
 * "Due date moved from 1 Mar 2015 to 31 Dec 2015, asked by Alex Wilber ('funding agreed for Q3'),
 * approved by Megan Bowen"; "Imported from cdi-plan.csv (row 4): RAG Green → Red". Raw field names never
 * reach a reader: a fact a row does not record (older rows have no `detail`) is left out, not spelt out.
 */
import { dueWords } from '../due-words';
import { RAGS, statusText, type Rag } from '../domain';
import { ragWord } from '../rag';
import { formatDate } from '../time';
import type { UpdateDetail } from './entry';

/** A history row as read back: `changes` is { field: [before, after] }. */
export interface HistoryRow {
  kind: string;
  text: string | null;
  author: string | null;
  rag: string | null;
  changes: Record<string, [unknown, unknown]> | null;
  detail?: UpdateDetail | null;
}

const quote = (s: string) => `"${s.replace(/\s+/g, ' ').trim()}"`;
const rag = (v: unknown) => (RAGS.includes(v as Rag) ? ragWord(v as Rag) : 'none');
const status = (v: unknown) => statusText(v) ?? 'none';
const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? formatDate(v.slice(0, 10)) : null);

/** A due date from a row's changes, before or after: the day, with the plan's words where they say more. */
function dueAt(changes: Record<string, [unknown, unknown]>, side: 0 | 1): string {
  const date = day(changes.dueDate?.[side]);
  const text = changes.dueText?.[side];
  if (!date) return typeof text === 'string' && text ? text : 'none';
  return dueWords({
    due: String(changes.dueDate![side]).slice(0, 10),
    dueText: typeof text === 'string' ? text : null,
  });
}

/** The changes of an import row in words: "due date 1 Mar 2015 → 30 Apr 2015; RAG Green → Red". */
function changeWords(changes: Record<string, [unknown, unknown]>): string[] {
  const out: string[] = [];
  if (changes.dueDate || changes.dueText) out.push(`due date ${dueAt(changes, 0)} → ${dueAt(changes, 1)}`);
  if (changes.status) out.push(`status ${status(changes.status[0])} → ${status(changes.status[1])}`);
  if (changes.reportedRag) out.push(`RAG ${rag(changes.reportedRag[0])} → ${rag(changes.reportedRag[1])}`);
  if (changes.text) out.push('text reworded');
  if (changes.owners) out.push(`owners ${owners(changes.owners[0])} → ${owners(changes.owners[1])}`);
  if (changes.recommendation) out.push(`moved to recommendation ${String(changes.recommendation[1])}`);
  return out;
}

function owners(v: unknown): string {
  if (!Array.isArray(v)) return 'none';
  return (
    v
      .map((o: { post?: string }) => o?.post)
      .filter(Boolean)
      .join('; ') || 'none'
  );
}

export function historySentence(e: HistoryRow): string {
  const who = e.author ?? 'Someone';
  const c = e.changes ?? {};
  const d = e.detail ?? {};
  const note = e.text ? `: ${quote(e.text)}` : '';
  const meeting = d.meeting ? ` (in ${d.meeting.title}, ${formatDate(d.meeting.date)})` : '';
  const evidence = d.evidenceIds?.length ? ', with evidence' : '';
  switch (e.kind) {
    case 'progress': {
      const done = c.status?.[1] === 'awaiting_verification';
      const reported = done ? 'reported it complete' : e.rag ? `reported ${rag(e.rag)}` : 'added a note';
      return `${who} ${reported}${evidence}${note}`;
    }
    case 'import':
      return `Progress recorded in the plan file (${who})${note}`;
    case 'change': {
      const file = d.source?.file ?? who;
      const row = d.source?.row ? ` (row ${d.source.row})` : '';
      if (d.conflicts?.length) return `Import of ${file}${row} left what Teams had: ${d.conflicts.join('; ')}`;
      return `Imported from ${file}${row}: ${changeWords(c).join('; ') || 'details updated'}`;
    }
    case 'due': {
      const asked = d.askedBy ? `, asked by ${d.askedBy}${d.reason ? ` (${quote(d.reason)})` : ''}` : '';
      const approvedBy = d.approvedBy ?? who;
      const comment = e.text ? `: ${quote(e.text)}` : '';
      return `Due date moved from ${dueAt(c, 0)} to ${dueAt(c, 1)}${asked}, approved by ${approvedBy}${meeting}${comment}`;
    }
    case 'extension': {
      const to = day(c.extensionRequest?.[0]);
      const asked = d.askedBy ? ` from ${d.askedBy}` : '';
      return `${who} refused the request${asked} to move the due date${to ? ` to ${to}` : ''}${meeting}${note}`;
    }
    case 'verification':
      return c.status?.[1] === 'complete'
        ? `${who} verified the completion${meeting}${note}`
        : `${who} reopened it: not yet complete${meeting}${note}`;
    case 'outcome': {
      const reason = d.reason ? `: ${quote(d.reason)}` : note;
      if (c.status?.[1] === 'open') return `${who} reopened it${meeting}${note}`;
      const review = d.reviewDate ? `, to review on ${formatDate(d.reviewDate)}` : '';
      if (c.outcome?.[1] === 'superseded')
        return `${who} closed it as superseded${d.replacedBy ? ` by ${d.replacedBy}` : ''}${meeting}${reason}`;
      if (c.outcome?.[1] === 'risk_accepted') return `${who} accepted the risk${review}${meeting}${reason}`;
      return `${who} kept the risk accepted${review}${meeting}${reason}`;
    }
    case 'evidence':
      return `${who} added evidence${note}`;
    case 'request':
      return `${who} asked the owners for an update by ${day(c.updateDueBy?.[1])}${meeting}${note}`;
    case 'owner':
      return `Owners changed: ${owners(c.owners?.[0])} → ${owners(c.owners?.[1])}`;
    default:
      return e.text ? `${who}${note}` : `${who} updated it`;
  }
}
