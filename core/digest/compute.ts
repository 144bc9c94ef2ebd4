/**
 * A board's digest as of a moment (its scheduled slot): effective RAG counts with the change since the
 * previous digest, and the sections a board meeting starts from. Rows are plain strings; the card and
 * the text rendering escape and lay them out.
 */
import { type Measures, measuresOfActions } from '../query/measures';
import { z } from 'zod';
import type { ActionView } from '../actions/view';
import type { CoreContext } from '../context';
import { tabIn } from '../board-tab';
import { RAGS, type BoardTab, type Rag } from '../domain';
import { dueWords } from '../due-words';
import { historySentence } from '../history/sentence';
import { addDays, DAY_MS, daysBetween, formatDate, isoDate, localDate, spanWords, wallClockLabel } from '../time';
import { actionViewsAsOf } from './as-of';

export const DIGEST_SECTIONS = [
  'newlyRed',
  'overdue',
  'slipped',
  'done',
  'dueSoon',
  'awaitingVerification',
  'extensions',
  'riskAccepted',
  'stale',
  'unreachable',
  'vacant',
] as const;
export type DigestSectionKey = (typeof DIGEST_SECTIONS)[number];

/** How far ahead the "due soon" section looks (staleness follows the RAG rules' window). */
export const DUE_SOON_DAYS = 14;
/** How many digests the chart shows. */
export const HISTORY = 8;

export type RagCounts = Record<Rag, number>;

export interface DigestRow {
  /** "BTP-CDI-7", a person Chaser cannot reach, or a post nobody holds. */
  ref: string;
  text: string;
  detail: string;
  /** The action the row is about; rows about people and posts have none. */
  actionId?: string;
}

export interface DigestSection {
  key: DigestSectionKey;
  title: string;
  rows: DigestRow[];
}

export interface DigestData {
  board: { id: string; key: string; name: string; timeZone: string };
  /** Where the board reads an action in Teams, when its tab can be reached (core/board-tab.ts). */
  tab: BoardTab | null;
  asOf: Date;
  /** "Mon 23 Nov 2026 08:00" on the board's clock. */
  asOfLabel: string;
  previousAt: Date | null;
  counts: RagCounts;
  /** Change since the previous digest; null for the first one. */
  deltas: RagCounts | null;
  /** Non-empty sections, in DIGEST_SECTIONS order. */
  sections: DigestSection[];
  /** Counts of up to the last HISTORY digests, oldest first, this one last. */
  history: RagCounts[];
  /** Red actions now: stored so the next digest can tell which are newly Red. */
  redIds: string[];
  /** What the committee measures the board's plans by, as of the digest. */
  measures: Measures;
}

/** What Digest.counts stores. */
export const digestRecordSchema = z.object({
  // Digests stored before closures had their own status count none of them.
  counts: z.object({
    RED: z.number(),
    AMBER: z.number(),
    GREEN: z.number(),
    COMPLETE: z.number(),
    RISK_ACCEPTED: z.number().default(0),
    SUPERSEDED: z.number().default(0),
  }),
  redIds: z.array(z.string()),
});
export type DigestRecord = z.infer<typeof digestRecordSchema>;

export function digestRecord(d: DigestData): DigestRecord {
  return { counts: d.counts, redIds: d.redIds };
}

/** A stored Digest.counts, or null when it cannot be read. */
export function readRecord(json: string): DigestRecord | null {
  try {
    const parsed = digestRecordSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function computeDigest(ctx: CoreContext, boardId: string, asOf: Date): Promise<DigestData> {
  const prisma = ctx.db.prisma;
  const board = await prisma.board.findUniqueOrThrow({
    where: { id: boardId },
    include: {
      plans: { where: { plan: { archivedAt: null } }, select: { planId: true } },
      conversation: { select: { conversationId: true, scope: true } },
    },
  });
  const planIds = board.plans.map((p) => p.planId);
  const earlier = await prisma.digest.findMany({
    where: { boardId, scheduledFor: { lt: asOf } },
    orderBy: { scheduledFor: 'desc' },
    take: HISTORY - 1,
  });
  const records = earlier.map((d) => readRecord(d.counts));
  const previous = records[0] ?? null;
  const previousAt = earlier[0]?.scheduledFor ?? null;

  const { views, rows } = await actionViewsAsOf(ctx, planIds, asOf);
  // Stale as the RAG rules see it: a never-updated action counts from when it was created.
  const lastActivity = new Map(
    rows.map((r) => [r.id, { date: isoDate(r.lastUpdateAt ?? r.createdAt), updated: r.lastUpdateAt !== null }]),
  );
  const counts = countRags(views);
  const red = views.filter((v) => v.effectiveRag === 'RED');
  const today = localDate(asOf, ctx.timeZone);
  const periodStart = previousAt ?? new Date(asOf.getTime() - 7 * DAY_MS);
  const open = views.filter((v) => v.status === 'open');

  const newlyRed = previous ? red.filter((v) => !previous.redIds.includes(v.id)) : red;
  const sections: DigestSection[] = [
    {
      key: 'newlyRed',
      title: previousAt ? `Newly Red since ${formatDate(previousAt)}` : 'Red',
      rows: newlyRed.map((v) => row(v, v.reason)),
    },
    {
      key: 'overdue',
      title: 'Overdue',
      rows: open
        .filter((v) => v.due && v.due < today)
        .sort(byDue)
        .map((v) => row(v, `${owners(v)} · due ${dueWords(v)} · overdue ${spanWords(daysBetween(v.due!, today))}`)),
    },
    {
      key: 'slipped',
      title: 'Due dates moved this period',
      rows: await slippedInPeriod(ctx, views, periodStart, asOf),
    },
    {
      key: 'done',
      title: 'Completed and verified this period',
      rows: await completedInPeriod(ctx, views, periodStart, asOf),
    },
    {
      key: 'dueSoon',
      title: `Due in the next ${DUE_SOON_DAYS} days`,
      rows: open
        .filter((v) => v.due && v.due >= today && v.due <= addDays(today, DUE_SOON_DAYS))
        .sort(byDue)
        .map((v) => row(v, `${owners(v)} · due ${dueWords(v)}`)),
    },
    {
      key: 'awaitingVerification',
      title: 'Awaiting verification',
      rows: views.filter((v) => v.status === 'awaiting_verification').map((v) => row(v, `${owners(v)} · ${v.reason}`)),
    },
    { key: 'extensions', title: 'Pending extension requests', rows: await pendingExtensions(ctx, views, asOf) },
    {
      key: 'riskAccepted',
      title: 'Risk accepted: newly, or due for review',
      rows: await riskAccepted(ctx, views, periodStart, asOf, today),
    },
    {
      key: 'stale',
      title: `No update for ${ctx.ragWindows.staleDays} days`,
      rows: open
        .map((v) => ({ v, last: lastActivity.get(v.id)! }))
        .filter(({ last }) => last.date <= addDays(today, -ctx.ragWindows.staleDays))
        .sort((a, b) => a.last.date.localeCompare(b.last.date))
        .map(({ v, last }) =>
          row(
            v,
            `${owners(v)} · ${last.updated ? `last update ${formatDate(last.date)}` : `no update since ${formatDate(last.date)}`}`,
          ),
        ),
    },
    ...(await unreachableOwners(ctx, views)),
  ];

  return {
    board: { id: board.id, key: board.key, name: board.name, timeZone: board.timeZone },
    tab: tabIn(ctx, board.key, board.conversation),
    asOf,
    asOfLabel: wallClockLabel(asOf, board.timeZone),
    previousAt,
    counts,
    deltas: previous ? (Object.fromEntries(RAGS.map((r) => [r, counts[r] - previous.counts[r]])) as RagCounts) : null,
    sections: sections.filter((s) => s.rows.length),
    history: [
      ...records
        .filter((r): r is DigestRecord => !!r)
        .map((r) => r.counts)
        .reverse(),
      counts,
    ],
    redIds: red.map((v) => v.id),
    measures: measuresOfActions(rows, today, ctx.timeZone),
  };
}

export function countRags(views: ActionView[]): RagCounts {
  const counts = Object.fromEntries(RAGS.map((r) => [r, 0])) as RagCounts;
  for (const v of views) counts[v.effectiveRag]++;
  return counts;
}

function row(v: ActionView, detail: string): DigestRow {
  return { ref: v.displayRef, text: v.text, detail, actionId: v.id };
}

function owners(v: ActionView): string {
  return (
    v.owners
      .map((o) => {
        const names = o.holders.map((h) => h.displayName).join(', ');
        return names ? `${o.post} (${names})` : o.post;
      })
      .join('; ') || 'no owner'
  );
}

const byDue = (a: ActionView, b: ActionView) => a.due!.localeCompare(b.due!);

/**
 * Completions and verifications inside (from, to]: from the status changes in Update history (what was
 * recorded then), and from the completion stamps for writers that record no change.
 */
async function completedInPeriod(ctx: CoreContext, views: ActionView[], from: Date, to: Date): Promise<DigestRow[]> {
  const ids = views.map((v) => v.id);
  const [changes, stamped] = await Promise.all([
    ctx.db.prisma.update.findMany({
      where: { actionId: { in: ids }, at: { gt: from, lte: to }, changes: { contains: '"status"' } },
      select: { actionId: true, at: true, changes: true },
      orderBy: { at: 'asc' },
    }),
    ctx.db.prisma.action.findMany({
      where: { id: { in: ids }, OR: [{ completedAt: { gt: from, lte: to } }, { verifiedAt: { gt: from, lte: to } }] },
      select: { id: true, completedAt: true, verifiedAt: true },
    }),
  ]);
  const events = new Map<string, { completed?: Date; verified?: Date }>();
  const note = (id: string, kind: 'completed' | 'verified', at: Date) => {
    const e = events.get(id) ?? {};
    e[kind] ??= at;
    events.set(id, e);
  };
  for (const u of changes) {
    const after = statusAfter(u.changes);
    if (after === 'awaiting_verification') note(u.actionId, 'completed', u.at);
    if (after === 'complete') note(u.actionId, 'verified', u.at);
  }
  for (const a of stamped) {
    if (a.completedAt && a.completedAt > from && a.completedAt <= to) note(a.id, 'completed', a.completedAt);
    if (a.verifiedAt && a.verifiedAt > from && a.verifiedAt <= to) note(a.id, 'verified', a.verifiedAt);
  }
  // Verified in the period and still verified: a completion awaiting verification has its own section.
  return views
    .filter((v) => events.get(v.id)?.verified && v.status === 'complete')
    .map((v) => {
      const e = events.get(v.id)!;
      const parts = [
        e.completed && `completed ${formatDate(e.completed)}`,
        e.verified && `verified ${formatDate(e.verified)}`,
      ].filter(Boolean);
      return row(v, `${owners(v)} · ${parts.join(', ')}`);
    });
}

/** Approved moves of a due date in (from, to], each as the history tells it: from → to, who asked and who approved. */
async function slippedInPeriod(ctx: CoreContext, views: ActionView[], from: Date, to: Date): Promise<DigestRow[]> {
  const moves = await ctx.db.prisma.update.findMany({
    where: { actionId: { in: views.map((v) => v.id) }, kind: 'due', at: { gt: from, lte: to } },
    orderBy: { at: 'asc' },
    select: { actionId: true, kind: true, text: true, authorName: true, rag: true, changes: true, detail: true },
  });
  const byId = new Map(views.map((v) => [v.id, v]));
  return moves.map((m) =>
    row(
      byId.get(m.actionId)!,
      historySentence({
        ...m,
        author: m.authorName,
        changes: JSON.parse(m.changes ?? 'null'),
        detail: JSON.parse(m.detail ?? 'null'),
      }),
    ),
  );
}

function statusAfter(changes: string | null): string | null {
  try {
    const status = (JSON.parse(changes ?? '{}') as { status?: unknown }).status;
    return Array.isArray(status) ? String(status[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Risks accepted in (from, to], and acceptances whose review date has come: a board sees management
 * choosing not to act (GIAS 11.5) when it happens and again when it is due to be looked at.
 */
async function riskAccepted(
  ctx: CoreContext,
  views: ActionView[],
  from: Date,
  to: Date,
  today: string,
): Promise<DigestRow[]> {
  const accepted = views.filter((v) => v.effectiveRag === 'RISK_ACCEPTED');
  if (!accepted.length) return [];
  const decisions = await ctx.db.prisma.update.findMany({
    where: { actionId: { in: accepted.map((v) => v.id) }, kind: 'outcome', at: { gt: from, lte: to } },
    orderBy: { at: 'asc' },
    select: { actionId: true, at: true, authorName: true },
  });
  const newly = new Map(decisions.map((d) => [d.actionId, d]));
  return accepted
    .filter((v) => newly.has(v.id) || (v.reviewDate && v.reviewDate <= today))
    .map((v) => {
      const d = newly.get(v.id);
      const review = v.reviewDate
        ? v.reviewDate <= today
          ? `review due since ${formatDate(v.reviewDate)}`
          : `review ${formatDate(v.reviewDate)}`
        : 'no review date';
      const by = d ? `accepted by ${d.authorName ?? 'someone'} ${formatDate(d.at)} · ` : '';
      return row(v, `${by}${review}${v.outcomeReason ? ` · ${v.outcomeReason}` : ''}`);
    });
}

/** Requests open at `asOf`: made by then and not decided by then. */
async function pendingExtensions(ctx: CoreContext, views: ActionView[], asOf: Date): Promise<DigestRow[]> {
  const requests = await ctx.db.prisma.extensionRequest.findMany({
    where: {
      actionId: { in: views.map((v) => v.id) },
      createdAt: { lte: asOf },
      OR: [{ status: 'pending' }, { decidedAt: { gt: asOf } }],
    },
    orderBy: { createdAt: 'asc' },
  });
  const people = await ctx.db.prisma.person.findMany({
    where: { id: { in: requests.map((r) => r.requestedById) } },
    select: { id: true, displayName: true },
  });
  const name = new Map(people.map((p) => [p.id, p.displayName]));
  const byId = new Map(views.map((v) => [v.id, v]));
  return requests.map((r) => {
    const v = byId.get(r.actionId)!;
    const due = v.due ? formatDate(v.due) : 'no date';
    return row(
      v,
      `${name.get(r.requestedById) ?? 'someone'} asks to move ${due} → ${formatDate(isoDate(r.requestedDate))}: ${r.reason}`,
    );
  });
}

/**
 * Who Chaser cannot chase, counted as people everywhere (the plan owner's card does the same): each owner
 * with no personal chat with Chaser, naming their posts; posts nobody holds are a section of their own.
 */
async function unreachableOwners(ctx: CoreContext, views: ActionView[]): Promise<DigestSection[]> {
  const people = new Map<string, { name: string; posts: Set<string>; refs: string[] }>();
  const vacant = new Map<string, string[]>();
  for (const v of views.filter((x) => x.status === 'open' || x.status === 'awaiting_verification')) {
    for (const o of v.owners) {
      if (!o.holders.length) vacant.set(o.post, [...(vacant.get(o.post) ?? []), v.displayRef]);
      for (const h of o.holders) {
        const p = people.get(h.personId) ?? { name: h.displayName, posts: new Set<string>(), refs: [] };
        p.posts.add(o.post);
        if (!p.refs.includes(v.displayRef)) p.refs.push(v.displayRef);
        people.set(h.personId, p);
      }
    }
  }
  const reachable = new Set(
    (
      await ctx.db.prisma.conversationRef.findMany({
        where: { personId: { in: [...people.keys()] }, scope: 'personal', state: 'active' },
        select: { personId: true },
      })
    ).map((c) => c.personId),
  );
  const list = (refs: string[]) =>
    `${refs.length} open action${refs.length === 1 ? '' : 's'}: ${refs.slice(0, 5).join(', ')}${refs.length > 5 ? ', …' : ''}`;
  const unreachable = [...people]
    .filter(([id]) => !reachable.has(id))
    .map(([, p]) => ({
      ref: p.name,
      text: `${[...p.posts].join(', ')}: no chat with Chaser yet`,
      detail: list(p.refs),
    }));
  return [
    { key: 'unreachable', title: 'People Chaser cannot reach', rows: unreachable },
    {
      key: 'vacant',
      title: 'Posts nobody holds',
      rows: [...vacant].map(([post, refs]) => ({ ref: post, text: 'Nobody holds this post', detail: list(refs) })),
    },
  ];
}
