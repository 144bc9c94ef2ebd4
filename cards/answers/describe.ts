/** A list query in words for a card title: "Red or Amber, overdue" + "for you in BTP-CDI". */
import type { ListResult } from '../../core/query/list';
import type { DateSpan } from '../../core/query/period';
import type { CalendarRange, ListFilter } from '../../core/query/types';
import { formatDate } from '../../core/time';
import { RAG_LABEL } from '../card';

const RANGE_WORDS: Record<CalendarRange, string> = {
  today: 'due today',
  yesterday: 'due yesterday',
  'this-week': 'due this week',
  'last-week': 'due last week',
  'next-week': 'due next week',
  'this-month': 'due this month',
  'last-month': 'due last month',
  'next-month': 'due next month',
};

const STATUS_WORDS = {
  open: 'open',
  awaiting_verification: 'awaiting verification',
  complete: 'closed',
  closed: 'closed without implementing',
} as const;

/** "1 Dec 2024 – 31 Dec 2024", "from 1 Dec 2024", "up to 31 Dec 2024". */
export function spanWords(span: DateSpan): string {
  if (span.from && span.to)
    return span.from === span.to ? formatDate(span.from) : `${formatDate(span.from)} – ${formatDate(span.to)}`;
  if (span.from) return `from ${formatDate(span.from)}`;
  return span.to ? `up to ${formatDate(span.to)}` : 'any time';
}

function dueWords(due: NonNullable<ListFilter['due']>, span: DateSpan | undefined): string {
  if ('range' in due) return RANGE_WORDS[due.range];
  if ('days' in due) return `due in the next ${due.days} days`;
  if (!('from' in due) && span?.to) return `due by ${formatDate(span.to)}`;
  return `due ${span ? spanWords(span) : ''}`.trim();
}

export function listTitle(result: Pick<ListResult, 'query' | 'due' | 'staleDays'>): string {
  const f = result.query.filter;
  const parts = [
    ...(f.rag ? [f.rag.map((r) => RAG_LABEL[r]).join(' or ')] : []),
    ...(f.status ? [f.status.map((s) => STATUS_WORDS[s]).join(' or ')] : []),
    ...(f.overdue ? ['overdue'] : []),
    ...(f.due ? [dueWords(f.due, result.due)] : []),
    ...(f.stale ? [`no update for ${result.staleDays} days`] : []),
  ];
  const text = parts.join(', ') || 'Actions';
  return text[0].toUpperCase() + text.slice(1);
}

/** Where the answer comes from: "for Head of Contact Management in BTP-CDI on ICB". */
export function scopeWords(labels: { plan?: string; board?: string; owner?: string }): string {
  return [
    labels.owner && `for ${labels.owner}`,
    labels.plan && `in ${labels.plan}`,
    labels.board && `on ${labels.board}`,
  ]
    .filter(Boolean)
    .join(' ');
}
