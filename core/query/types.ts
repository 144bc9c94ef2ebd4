/**
 * What a manager's question asks for, as the deterministic parser understands it. Plain data: the
 * executor turns it into database reads, and tests compare it structurally.
 */
import { z } from 'zod';
import { ACTION_STATUSES, ragSchema } from '../domain';

/** What the database knows at question time; names are matched against it fuzzily. */
export interface Lexicon {
  plans: { key: string; title: string }[];
  boards: { key: string; name: string }[];
  posts: string[];
  people: { id: string; displayName: string }[];
}

/** A calendar day that exists ("9999-99-99" does not); card data comes back from the client as anything. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a calendar day',
  );

/** The longest rolling period a question may span: ten years. */
export const MAX_DAYS = 3660;

/** Calendar periods stay symbolic so the executor applies the team's working week and time zone. */
export const CALENDAR_RANGES = [
  'today',
  'yesterday',
  'this-week',
  'last-week',
  'next-week',
  'this-month',
  'last-month',
  'next-month',
] as const;
export type CalendarRange = (typeof CALENDAR_RANGES)[number];

/**
 * A stretch of time. `days` is rolling from today: forwards for due dates, backwards for changes.
 * Explicit dates are resolved against the caller's clock (inclusive, UTC calendar days).
 */
export const periodSchema = z.union([
  z.object({ range: z.enum(CALENDAR_RANGES) }).strict(),
  z.object({ days: z.number().int().positive().max(MAX_DAYS) }).strict(),
  z.object({ from: isoDate, to: isoDate.optional() }).strict(),
  z.object({ to: isoDate }).strict(),
]);
export type Period = z.infer<typeof periodSchema>;

/** One owner: a post ("Deputy Chief Constable"), a person by id, or whoever is asking. */
const singleOwnerSchema = z.union([
  z.object({ post: z.string() }).strict(),
  z.object({ personId: z.string() }).strict(),
  z.object({ me: z.literal(true) }).strict(),
]);
export type SingleOwner = z.infer<typeof singleOwnerSchema>;

/** Whose actions: one owner, or any of several ("Alex or the DCC"). */
export const ownerSchema = z.union([
  singleOwnerSchema,
  z.object({ any: z.array(singleOwnerSchema).min(2).max(10) }).strict(),
]);
export type Owner = z.infer<typeof ownerSchema>;

/** Filters combine with AND; values inside one array combine with OR ("red or amber"). */
export const listFilterSchema = z
  .object({
    rag: z.array(ragSchema).min(1).optional(),
    status: z.array(z.enum(ACTION_STATUSES)).min(1).optional(),
    overdue: z.literal(true).optional(),
    due: periodSchema.optional(),
    /** No update for `days` (the team's configured threshold when absent). */
    stale: z
      .object({ days: z.number().int().positive().max(MAX_DAYS).optional() })
      .strict()
      .optional(),
    owner: ownerSchema.optional(),
    /** Plan key, board key. */
    plan: z.string().optional(),
    board: z.string().optional(),
  })
  .strict();
export type ListFilter = z.infer<typeof listFilterSchema>;

const plan = z.string().optional();
const board = z.string().optional();

export const querySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('list'), filter: listFilterSchema, tagOwners: z.boolean() }).strict(),
  /** One action: `ref` is its reference within the plan; no plan means "whichever plan has it". */
  z.object({ kind: z.literal('item'), plan, ref: z.string(), history: z.boolean() }).strict(),
  z.object({ kind: z.literal('recommendation'), plan, ref: z.string() }).strict(),
  /** Owners ranked by overdue, then red, actions. */
  z.object({ kind: z.literal('behind'), plan, board }).strict(),
  z.object({ kind: z.literal('summary'), plan, board }).strict(),
  z.object({ kind: z.literal('plans'), board }).strict(),
  /** Updates in a period, or only completions. */
  z
    .object({
      kind: z.literal('changes'),
      event: z.enum(['any', 'completed']),
      period: periodSchema,
      plan,
      board,
      owner: ownerSchema.optional(),
    })
    .strict(),
  z.object({ kind: z.literal('help') }).strict(),
  /** Questions that would have worked, to offer back. */
  z.object({ kind: z.literal('unknown'), suggestions: z.array(z.string()).min(1) }).strict(),
]);
export type Query = z.infer<typeof querySchema>;
