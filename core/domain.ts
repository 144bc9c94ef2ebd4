/**
 * The vocabulary every part of Chaser shares. Stored as plain strings (SQLite and PostgreSQL alike),
 * validated with these lists at every boundary.
 */
import { z } from 'zod';

/**
 * RAG as owners report it, and as Chaser derives it ("effective RAG"). A closed action is neither Green
 * nor Complete: risk accepted and superseded are statuses of their own, so no count reads them as done.
 */
export const RAGS = ['RED', 'AMBER', 'GREEN', 'COMPLETE', 'RISK_ACCEPTED', 'SUPERSEDED'] as const;
export type Rag = (typeof RAGS)[number];
export const ragSchema = z.enum(RAGS);

/**
 * How exact a due date is. Real plans say "17/04/2015" (day), "Dec 03" (month), "Q4" (quarter),
 * "Spring 2004" (season), "2004" (year), "Now"/"Immediately" (asap: due on the plan's date) and
 * "Ongoing" (none: no date at all). The stored date is the last day the wording allows.
 */
export const DUE_PRECISIONS = ['day', 'month', 'quarter', 'season', 'year', 'asap', 'none'] as const;
export type DuePrecision = (typeof DUE_PRECISIONS)[number];

/**
 * Lifecycle of an action. Owners "complete" an action; it is closed only when the plan owner
 * verifies it (audit trackers all verify before closing). "complete" is implemented and verified;
 * "closed" ended another way (the outcome says which).
 */
export const ACTION_STATUSES = ['open', 'awaiting_verification', 'complete', 'closed'] as const;

/** A status as a reader sees it, mid-sentence ("awaiting verification"); undefined for anything else. */
export function statusText(status: unknown): string | undefined {
  return ACTION_STATUSES.includes(status as (typeof ACTION_STATUSES)[number])
    ? String(status).replace('_', ' ')
    : undefined;
}
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/**
 * How a closed action ended. Committees read these apart: risk accepted is management choosing not to
 * act (Global Internal Audit Standards 11.5), superseded is the action no longer applying.
 */
export const ACTION_OUTCOMES = ['implemented', 'risk_accepted', 'superseded'] as const;
export type ActionOutcome = (typeof ACTION_OUTCOMES)[number];

/** Which actions need evidence before they count as complete: none, high-priority ones, or all. */
export const EVIDENCE_POLICIES = ['none', 'high', 'all'] as const;
export type EvidencePolicy = (typeof EVIDENCE_POLICIES)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const PERSON_ROLES = ['member', 'admin'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** ISO weekday numbers (1 = Monday … 7 = Sunday). */
export const DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5];

/** Where a board reads an action in Teams: the board's tab in its channel (core/board-tab.ts finds it). */
export interface BoardTab {
  /** The Teams app's manifest id. */
  appId: string;
  boardKey: string;
  /** The channel's conversation id, "19:…@thread.tacv2". */
  channelId: string;
}

/** The board tab's entity id: given when the tab is saved in a channel (tab/src/teams.ts), named by deep links. */
export function boardEntityId(boardKey: string): string {
  return `board-${boardKey}`;
}

/** The tables of a board's view; each is one list query (core/board/tables.ts). */
export const BOARD_TABLES = ['red', 'overdue', 'awaiting', 'extensions', 'slipped', 'riskAccepted'] as const;
export type BoardTable = (typeof BOARD_TABLES)[number];

/** What a board meeting works through, in this order (core/board/meeting.ts). */
export const MEETING_ITEM_KINDS = ['newRed', 'slipped', 'awaiting', 'extension', 'riskReview'] as const;
export type MeetingItemKind = (typeof MEETING_ITEM_KINDS)[number];

/** A board meeting, on the organisation's calendar: what decisions taken in it are marked with. */
export interface Meeting {
  title: string;
  date: string;
}
