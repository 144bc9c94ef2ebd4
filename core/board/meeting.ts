/**
 * A board meeting in its side panel: what the committee works through (newly Red since the last digest,
 * slipped, awaiting verification, new dates asked for, accepted risks whose review falls before the next
 * meeting), and afterwards the decisions it recorded (history rows whose detail names the meeting).
 */
import type { CoreContext } from '../context';
import type { ActionView } from '../actions/view';
import type { ExtensionState } from '../actions/extension';
import { canChangeBoard, type BoardRow } from '../digest/boards';
import { readRecord } from '../digest/compute';
import type { BoardTable, Meeting, MeetingItemKind } from '../domain';
import type { UpdateDetail } from '../history/entry';
import { historySentence } from '../history/sentence';
import type { ListNarrowing } from '../query/list';
import { addDays, localDate, zonedToUtc } from '../time';
import { boardTable } from './tables';

/** Items of each kind a meeting works through. */
const MEETING_ITEMS_PER_KIND = 50;
/** Committees meet about monthly: a review falling before the next meeting is taken at this one. */
const REVIEW_AHEAD_DAYS = 31;

export interface MeetingItem {
  kind: MeetingItemKind;
  action: ActionView;
  /** On a new date asked for: the pending request. */
  request?: ExtensionState;
}

export interface MeetingAgenda {
  items: MeetingItem[];
  /** Whether the reader may record the board's decisions. */
  canManage: boolean;
  /** Today's meeting, on the organisation's calendar. */
  meeting: Meeting;
}

export async function meetingItems(ctx: CoreContext, board: BoardRow, personId: string): Promise<MeetingAgenda> {
  const today = localDate(ctx.now(), ctx.timeZone);
  const table = (t: BoardTable, more?: ListNarrowing) =>
    boardTable(ctx, board, { table: t, page: 0, pageSize: MEETING_ITEMS_PER_KIND }, more);
  const [red, slipped, awaiting, extensions, reviews, last, canManage] = await Promise.all([
    table('red'),
    table('slipped'),
    table('awaiting'),
    table('extensions'),
    table('riskAccepted', { reviewDueBy: addDays(today, REVIEW_AHEAD_DAYS) }),
    ctx.db.prisma.digest.findFirst({
      where: { boardId: board.id },
      orderBy: { scheduledFor: 'desc' },
      select: { counts: true },
    }),
    canChangeBoard(ctx, { personId }, board.id),
  ]);
  const seenRed = new Set((last && readRecord(last.counts)?.redIds) ?? []);
  const items: MeetingItem[] = [
    ...red.actions.filter((a) => !seenRed.has(a.id)).map((action): MeetingItem => ({ kind: 'newRed', action })),
    ...slipped.actions.map((action): MeetingItem => ({ kind: 'slipped', action })),
    ...awaiting.actions.map((action): MeetingItem => ({ kind: 'awaiting', action })),
    ...extensions.actions.map(({ request, ...action }): MeetingItem => ({ kind: 'extension', action, request })),
    ...reviews.actions.map((action): MeetingItem => ({ kind: 'riskReview', action })),
  ];
  return { items, canManage, meeting: { title: `${board.name} meeting`, date: today } };
}

/** A decision the meeting recorded, as its summary card lists it. */
export interface MeetingDecision {
  ref: string;
  /** What was decided, as the action's history says it. */
  what: string;
  by: string | null;
}

export async function meetingDecisions(
  ctx: CoreContext,
  board: BoardRow,
  meeting: Meeting,
): Promise<MeetingDecision[]> {
  // A meeting's decisions are recorded on its day; reading that day's rows keeps the scan small.
  const from = zonedToUtc(meeting.date, '00:00', ctx.timeZone);
  const to = zonedToUtc(addDays(meeting.date, 1), '00:00', ctx.timeZone);
  const rows = await ctx.db.prisma.update.findMany({
    where: {
      at: { gte: from, lt: to },
      detail: { not: null },
      action: { plan: { boards: { some: { boardId: board.id } } } },
    },
    orderBy: [{ at: 'asc' }, { seq: 'asc' }],
    include: { action: { select: { ref: true, plan: { select: { key: true } } } } },
  });
  return rows
    .filter((u) => sameMeeting(u.detail!, meeting))
    .map((u) => ({
      ref: `${u.action.plan.key}-${u.action.ref}`,
      what: historySentence({
        kind: u.kind,
        text: u.text,
        author: u.authorName,
        rag: u.rag,
        changes: JSON.parse(u.changes ?? 'null'),
        detail: JSON.parse(u.detail!),
      }),
      by: u.authorName,
    }));
}

function sameMeeting(detail: string, meeting: Meeting): boolean {
  try {
    const m = (JSON.parse(detail) as UpdateDetail).meeting;
    return !!m && m.title === meeting.title && m.date === meeting.date;
  } catch {
    return false;
  }
}
