/**
 * The read model of an action that cards, queries, digests and the CLI all show: owners with the people
 * holding their posts, the due date as written and as a date, effective RAG with its reason, last update.
 */
import type { Prisma } from '../db/client';
import type { CoreContext } from '../context';
import type { ActionOutcome, DuePrecision, Priority, Rag } from '../domain';
import { effectiveRag, type EffectiveRag } from '../rag';
import { isoDate, localDate } from '../time';

export interface OwnerView {
  postId: string;
  post: string;
  role: string | null;
  holders: { personId: string; displayName: string; aadObjectId: string | null; teamsUserId: string | null }[];
}

/** A post holder as views and cards show them. */
export function holderView(p: {
  id: string;
  displayName: string;
  aadObjectId: string | null;
  teamsUserId: string | null;
}): OwnerView['holders'][number] {
  return { personId: p.id, displayName: p.displayName, aadObjectId: p.aadObjectId, teamsUserId: p.teamsUserId };
}

export interface ActionView {
  id: string;
  planId: string;
  planKey: string;
  planTitle: string;
  section: string | null;
  recommendationRef: string;
  recommendationText: string;
  ref: string;
  /** What users type: "BTP-CDI-7". */
  displayRef: string;
  text: string;
  owners: OwnerView[];
  due: string | null;
  dueText: string | null;
  duePrecision: DuePrecision;
  status: string;
  reportedRag: Rag | null;
  effectiveRag: Rag;
  reason: string;
  /** The due date first promised (YYYY-MM-DD) and its wording; kept for good however often it moves. */
  originalDue: string | null;
  originalDueText: string | null;
  /** Times the due date moved after it was first set. */
  dueRevisions: number;
  priority: Priority | null;
  /** How a closed action ended, why, and (risk accepted) when it comes back for review (YYYY-MM-DD). */
  outcome: ActionOutcome | null;
  outcomeReason: string | null;
  reviewDate: string | null;
  /** A board asked the owners for an update by this day and none has come yet. */
  updateDueBy: string | null;
  /** Who reported it complete: separation of duties keeps them from verifying it. */
  completedById: string | null;
  lastUpdate: { at: string; text: string | null; author: string | null } | null;
  /** The day of its last update of any kind, or of its creation: what "no update for N days" counts from. */
  lastActivity: string;
  updates: number;
  version: number;
}

/** The relations a view needs; use it in every query that feeds toActionView. */
export const actionViewInclude = {
  plan: { select: { key: true, title: true } },
  recommendation: { select: { ref: true, text: true, section: true } },
  owners: {
    orderBy: { position: 'asc' },
    include: {
      post: {
        include: {
          holdings: {
            where: { to: null },
            orderBy: [{ from: 'asc' }, { id: 'asc' }],
            include: { person: { select: { id: true, displayName: true, aadObjectId: true, teamsUserId: true } } },
          },
        },
      },
    },
  },
  // Progress notes are what "last update" means; field-change records are history, not progress.
  // All of them, newest first: the first is the last update and their number is the count (Prisma's
  // `_count` aggregates the whole Update table before joining, a cost that grows with all history).
  updates: {
    where: { kind: 'progress' },
    orderBy: [{ at: 'desc' }, { createdAt: 'desc' }],
    select: { at: true, text: true, authorName: true },
  },
} satisfies Prisma.ActionInclude;

export type ActionRow = Prisma.ActionGetPayload<{ include: typeof actionViewInclude }>;

/** What a view is made of: an ActionRow, or the same read through the store (view-loader.ts). */
export type ViewRow = Pick<
  ActionRow,
  | 'id'
  | 'planId'
  | 'ref'
  | 'text'
  | 'dueText'
  | 'duePrecision'
  | 'version'
  | 'plan'
  | 'recommendation'
  | 'updates'
  | RecordColumn
> &
  RagColumns & {
    owners: {
      postId: string;
      roleLabel: string | null;
      post: { name: string; holdings: { person: Parameters<typeof holderView>[0] }[] };
    }[];
  };

/** What the record keeps beside the RAG: slippage, priority, outcome, who completed. */
type RecordColumn =
  | 'originalDueDate'
  | 'originalDueText'
  | 'dueRevisions'
  | 'priority'
  | 'outcome'
  | 'outcomeReason'
  | 'reviewDate'
  | 'updateDueBy'
  | 'completedById';

/** The action columns the RAG rules read: select these alone when only the effective RAG is needed. */
export const ragColumns = {
  status: true,
  reportedRag: true,
  reportedRagAt: true,
  dueDate: true,
  completedAt: true,
  lastUpdateAt: true,
  createdAt: true,
  outcome: true,
  reviewDate: true,
} satisfies Prisma.ActionSelect;

export type RagColumns = Prisma.ActionGetPayload<{ select: typeof ragColumns }>;

/** `today` is the organisation's calendar date (localDate(now, timeZone)); pass it in when rating many rows. */
export function ragOf(row: RagColumns, today: string, ctx: Pick<CoreContext, 'ragWindows'>): EffectiveRag {
  return effectiveRag(
    {
      status: row.status,
      reportedRag: row.reportedRag,
      reportedRagAt: dayOf(row.reportedRagAt),
      dueDate: dayOf(row.dueDate),
      completedAt: dayOf(row.completedAt),
      lastActivityAt: isoDate(row.lastUpdateAt ?? row.createdAt),
      hasUpdates: row.lastUpdateAt !== null,
      outcome: row.outcome,
      reviewDate: dayOf(row.reviewDate),
    },
    today,
    ctx.ragWindows,
  );
}

const dayOf = (at: Date | null) => (at ? isoDate(at) : null);

/** `today` as for ragOf: a page of views passes it once (a time zone's date costs ~10 µs of Intl each). */
export function toActionView(
  row: ViewRow,
  ctx: Pick<CoreContext, 'now' | 'timeZone' | 'ragWindows'>,
  today = localDate(ctx.now(), ctx.timeZone),
): ActionView {
  const last = row.updates[0] ?? null;
  const rag = ragOf(row, today, ctx);
  return {
    id: row.id,
    planId: row.planId,
    planKey: row.plan.key,
    planTitle: row.plan.title,
    section: row.recommendation.section,
    recommendationRef: row.recommendation.ref,
    recommendationText: row.recommendation.text,
    ref: row.ref,
    displayRef: `${row.plan.key}-${row.ref}`,
    text: row.text,
    owners: row.owners.map((o) => ({
      postId: o.postId,
      post: o.post.name,
      role: o.roleLabel,
      holders: o.post.holdings.map((h) => holderView(h.person)),
    })),
    due: row.dueDate ? isoDate(row.dueDate) : null,
    dueText: row.dueText,
    duePrecision: row.duePrecision as DuePrecision,
    status: row.status,
    reportedRag: row.reportedRag as Rag | null,
    effectiveRag: rag.rag,
    reason: rag.reason,
    originalDue: row.originalDueDate ? isoDate(row.originalDueDate) : null,
    originalDueText: row.originalDueText,
    dueRevisions: row.dueRevisions,
    priority: row.priority as Priority | null,
    outcome: row.outcome as ActionOutcome | null,
    outcomeReason: row.outcomeReason,
    reviewDate: row.reviewDate ? isoDate(row.reviewDate) : null,
    updateDueBy: row.updateDueBy ? isoDate(row.updateDueBy) : null,
    completedById: row.completedById,
    lastUpdate: last ? { at: last.at.toISOString(), text: last.text, author: last.authorName } : null,
    lastActivity: isoDate(row.lastUpdateAt ?? row.createdAt),
    updates: row.updates.length,
    version: row.version,
  };
}
