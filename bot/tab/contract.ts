/**
 * The board tab's API, both ways: what the tab may send (the server parses it and answers 400 naming
 * the field) and what the server answers (shaped through these schemas, so nothing the tab does not
 * need, such as AAD ids, leaves the server; the tab parses the answers with the same schemas).
 * Plain zod and core/domain.ts's names, nothing of the server: the tab's bundle includes this file.
 */
import { z } from 'zod';
import { BOARD_TABLES, MEETING_ITEM_KINDS, PRIORITIES, RAGS, type Meeting } from '../../core/domain';

/** The action a board tab opens on: a card's deep link (its subEntityId), or ?action= in a browser. */
export const openedAction = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const counts = z.object({
  RED: z.number(),
  AMBER: z.number(),
  GREEN: z.number(),
  COMPLETE: z.number(),
  RISK_ACCEPTED: z.number(),
  SUPERSEDED: z.number(),
});

// ---- requests -------------------------------------------------------------------------------------

export const pageQuery = z.object({
  page: z.coerce.number().int().min(0).max(100_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});

export const boardActionsQuery = pageQuery.extend({
  table: z.enum(BOARD_TABLES, { errorMap: () => ({ message: `expected one of ${BOARD_TABLES.join(', ')}` }) }),
  plan: text(40).optional(),
  section: text(200).optional(),
  post: text(200).optional(),
  priority: z.enum(PRIORITIES).optional(),
});
export type BoardActionsQuery = z.infer<typeof boardActionsQuery>;

export const packQuery = z.object({ plan: text(40), asOf: isoDay.optional() });

export const meetingSchema = z.object({ title: text(200), date: isoDay }) satisfies z.ZodType<Meeting>;

/** The same fields as the update card; core/actions/update.ts checks them. */
export const updateBody = z.object({
  version: z.number().int().min(1),
  status: z.string().max(20).optional(),
  note: z.string().max(4000).optional(),
  newDueDate: z.string().max(20).optional(),
  dueReason: z.string().max(4000).optional(),
});

export const extensionDecisionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(4000).optional(),
  meeting: meetingSchema,
});

export const verificationBody = z.object({
  version: z.number().int().min(1),
  decision: z.enum(['verify', 'reopen']),
  comment: z.string().max(4000).optional(),
  meeting: meetingSchema,
});

/** Asked of the owners in a meeting; core/actions/request-update.ts checks the date. */
export const updateRequestBody = z.object({
  version: z.number().int().min(1),
  byDate: z.string().max(20),
  note: z.string().max(4000).optional(),
  meeting: meetingSchema,
});

/** A risk acceptance's review in a meeting: kept with a new review date, or the action reopened. */
export const riskReviewBody = z.object({
  version: z.number().int().min(1),
  outcome: z.enum(['extend_review', 'reopen']),
  reason: z.string().max(4000).optional(),
  reviewDate: z.string().max(20).optional(),
  meeting: meetingSchema,
});

export const meetingSummaryBody = z.object({ meeting: meetingSchema });

// ---- answers --------------------------------------------------------------------------------------

export const tabAction = z.object({
  id: z.string(),
  displayRef: z.string(),
  planKey: z.string(),
  planTitle: z.string(),
  section: z.string().nullable(),
  recommendationRef: z.string(),
  recommendationText: z.string(),
  text: z.string(),
  owners: z.array(
    z.object({
      post: z.string(),
      role: z.string().nullable(),
      holders: z.array(z.object({ displayName: z.string() })),
    }),
  ),
  due: z.string().nullable(),
  dueText: z.string().nullable(),
  originalDueText: z.string().nullable(),
  dueRevisions: z.number(),
  status: z.string(),
  effectiveRag: z.enum(RAGS),
  reason: z.string(),
  priority: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeReason: z.string().nullable(),
  reviewDate: z.string().nullable(),
  updateDueBy: z.string().nullable(),
  lastUpdate: z.object({ at: z.string(), text: z.string().nullable(), author: z.string().nullable() }).nullable(),
  version: z.number(),
});
export type TabAction = z.infer<typeof tabAction>;

export const extensionRequest = z.object({
  id: z.string(),
  requestedDate: z.string(),
  reason: z.string(),
  requesterName: z.string(),
  status: z.string(),
});
export type TabExtensionRequest = z.infer<typeof extensionRequest>;

export const sessionAnswer = z.object({
  user: z.object({ personId: z.string(), displayName: z.string(), mode: z.enum(['sso', 'developer']) }),
});

export const developerPeopleAnswer = z.object({
  people: z.array(z.object({ id: z.string(), displayName: z.string(), posts: z.array(z.string()) })),
});

export const boardsAnswer = z.object({ boards: z.array(z.object({ key: z.string(), name: z.string() })) });

export const boardAnswer = z.object({
  board: z.object({ key: z.string(), name: z.string(), linked: z.boolean() }),
  plans: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      total: z.number(),
      byRag: counts,
      overdue: z.number(),
      percentComplete: z.number(),
      byOutcome: z.record(z.number()),
    }),
  ),
  /** Counts of the board's stored digests, oldest first. */
  trend: z.array(z.object({ at: z.string(), counts })),
  filters: z.object({ sections: z.array(z.string()), posts: z.array(z.string()), priorities: z.array(z.string()) }),
  canManage: z.boolean(),
});
export type BoardAnswer = z.infer<typeof boardAnswer>;

/** The update form's status choices, as the card offers them. */
export const statusChoice = z.object({ value: z.string(), title: z.string() });

export const actionsAnswer = z.object({
  statusChoices: z.array(statusChoice).optional(),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  actions: z.array(tabAction.extend({ request: extensionRequest.optional() })),
});
export type ActionsAnswer = z.infer<typeof actionsAnswer>;

export const historyEntry = z.object({
  at: z.string(),
  kind: z.string(),
  text: z.string().nullable(),
  author: z.string().nullable(),
  /** The entry as the bot's history renders it. */
  sentence: z.string(),
});

export const actionAnswer = z.object({
  action: tabAction,
  history: z.array(historyEntry),
  historyTotal: z.number(),
  requests: z.array(extensionRequest),
  /** Links and files kept as evidence; only https links are offered as links. */
  evidence: z.array(
    z.object({
      kind: z.string(),
      title: z.string(),
      url: z.string().nullable(),
      fileName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  /** What the signed-in person may do here. */
  can: z.object({ update: z.boolean(), decide: z.boolean() }),
});
export type ActionAnswer = z.infer<typeof actionAnswer>;

export const updateAnswer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('updated'), message: z.string(), action: tabAction }),
  z.object({ kind: z.literal('invalid'), errors: z.record(z.string()) }),
  z.object({ kind: z.literal('conflict'), message: z.string(), action: tabAction }),
  z.object({ kind: z.literal('closed'), message: z.string(), action: tabAction }),
]);
export type UpdateAnswer = z.infer<typeof updateAnswer>;

export const decisionAnswer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('decided'), message: z.string(), action: tabAction }),
  z.object({ kind: z.literal('invalid'), errors: z.record(z.string()) }),
]);
export type DecisionAnswer = z.infer<typeof decisionAnswer>;

export const meetingItemsAnswer = z.object({
  items: z.array(
    z.object({ kind: z.enum(MEETING_ITEM_KINDS), action: tabAction, request: extensionRequest.optional() }),
  ),
  canManage: z.boolean(),
  /** Today's meeting, on the organisation's calendar: what decisions are marked with. */
  meeting: meetingSchema,
});
export type MeetingItemsAnswer = z.infer<typeof meetingItemsAnswer>;

export const meetingSummaryAnswer = z.object({ decisions: z.number(), queued: z.boolean(), message: z.string() });

export const errorAnswer = z.object({ error: z.string(), field: z.string().optional() });
