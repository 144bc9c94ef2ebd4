/**
 * The vocabulary every part of Chaser shares. Stored as plain strings (SQLite and PostgreSQL alike),
 * validated with these lists at every boundary.
 */
import { z } from 'zod';

/** RAG as owners report it, and as Chaser derives it ("effective RAG"). */
export const RAGS = ['RED', 'AMBER', 'GREEN', 'COMPLETE'] as const;
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
 * verifies it (audit trackers all verify before closing).
 */
export const ACTION_STATUSES = ['open', 'awaiting_verification', 'complete'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const PERSON_ROLES = ['member', 'admin'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** ISO weekday numbers (1 = Monday … 7 = Sunday). */
export const DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5];
