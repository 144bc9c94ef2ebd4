/**
 * The floor: the same work as Chaser's, written by hand as SQL and run through the driver with no ORM,
 * no bot and no card. Chaser's figures are reported next to these and as a ratio of them.
 */
import type { Driver, Row } from './driver';

const RED = `a."status" = 'open' AND (a."reportedRag" = 'RED' OR a."dueDate" < ?)`;

/**
 * "what's red?": the red candidates' count and the first page in plan order (RED is exact in SQL, as in
 * core/query/list.ts), then what the card shows for the page.
 */
export async function redFloor(driver: Driver, today: Date, pageSize = 10): Promise<{ total: number; rows: Row[] }> {
  const [{ n }] = await driver.query(`SELECT COUNT(*) AS n FROM "Action" a WHERE ${RED}`, [today]);
  const page = await driver.query(
    `SELECT a."id" FROM "Action" a JOIN "Plan" p ON p."id" = a."planId" WHERE ${RED} ORDER BY p."key", a."position" LIMIT ${pageSize}`,
    [today],
  );
  const ids = page.map((r) => r.id);
  return { total: Number(n), rows: await viewsFloor(driver, ids) };
}

/** Each owner's current holders, joined as each database looks them up by index (core/actions/view-loader.ts). */
const POSTGRES_HOLDERS = `LEFT JOIN ("PostHolding" h JOIN "Person" pe ON pe."id" = h."personId") ON h."postId" = o."postId" AND h."to" IS NULL`;
const SQLITE_HOLDERS = `LEFT JOIN "PostHolding" h ON h."postId" = o."postId" AND h."to" IS NULL LEFT JOIN "Person" pe ON pe."id" = h."personId"`;

/**
 * What a card shows for these actions: plan, recommendation, owners with their current holders, and
 * the progress notes (last one and count).
 */
async function viewsFloor(driver: Driver, ids: unknown[]): Promise<Row[]> {
  if (ids.length === 0) return [];
  const inIds = `(${ids.map(() => '?').join(', ')})`;
  const rows = await driver.query(
    `SELECT a.*, p."key" AS "planKey", p."title" AS "planTitle", r."ref" AS "recRef", r."text" AS "recText", r."section"
     FROM "Action" a JOIN "Plan" p ON p."id" = a."planId" JOIN "Recommendation" r ON r."id" = a."recommendationId" WHERE a."id" IN ${inIds}`,
    ids,
  );
  const owners = await driver.query(
    `SELECT o."actionId", o."roleLabel", (SELECT po."name" FROM "Post" po WHERE po."id" = o."postId") AS "name", pe."id" AS "personId", pe."displayName", pe."aadObjectId", pe."teamsUserId"
     FROM "ActionOwner" o ${driver.provider === 'sqlite' ? SQLITE_HOLDERS : POSTGRES_HOLDERS}
     WHERE o."actionId" IN ${inIds} ORDER BY o."actionId", o."position"`,
    ids,
  );
  const notes = await driver.query(
    `SELECT u."actionId", u."at", u."text", u."authorName" FROM "Update" u WHERE u."kind" = 'progress' AND u."actionId" IN ${inIds} ORDER BY u."actionId", u."at" DESC`,
    ids,
  );
  const byAction = (list: Row[], id: unknown) => list.filter((x) => x.actionId === id);
  return rows.map((r) => ({ ...r, owners: byAction(owners, r.id), notes: byAction(notes, r.id) }));
}

/**
 * A reminder card's later page rebuilt from the sent card (core/reminders/page.ts): the card's outbox
 * row and its recipient, the reminders it carried with their owners' names (ReminderLog by the card's
 * id), then what the card shows for those actions.
 */
export async function cardPageFloor(driver: Driver, cardKey: string): Promise<Row[]> {
  const [card] = await driver.query(
    `SELECT m."id", pe."id" AS "personId", pe."displayName", pe."timeZone" FROM "OutboxMessage" m JOIN "ConversationRef" c ON c."id" = m."conversationId" JOIN "Person" pe ON pe."id" = c."personId" WHERE m."idempotencyKey" = ?`,
    [cardKey],
  );
  const logs = await driver.query(
    `SELECT l."actionId", l."personId", pe."displayName" FROM "ReminderLog" l JOIN "Person" pe ON pe."id" = l."personId" WHERE l."outboxId" = ?`,
    [card.id],
  );
  return viewsFloor(
    driver,
    logs.map((l) => l.actionId),
  );
}

/**
 * Indexes the reminder floor needs and Chaser does not (it looks reminders up by key): without them the
 * floor hashed all of ReminderLog twice (PostgreSQL at 10k: ~70 ms instead of ~19). Made on the generated
 * database only, so the floor is the fastest single query rather than one held back by Chaser's schema.
 */
export async function createFloorIndexes(driver: Driver): Promise<void> {
  await driver.query(`CREATE INDEX "bench_floor_ReminderLog_createdAt" ON "ReminderLog" ("createdAt")`, []);
  await driver.query(`CREATE INDEX "bench_floor_ReminderLog_actionId_kind" ON "ReminderLog" ("actionId", "kind")`, []);
}

/**
 * The reminder sweep's selection in one query (indexed by createFloorIndexes): (action, current holder
 * of an owning post) for open, unsnoozed actions whose due date is within the reminder windows or past
 * (or undated and quiet for the stale window), not already reminded today; and (action, current holder
 * of the plan's owner post) for those overdue beyond the escalation window and not yet escalated to
 * them: what the decision sends is reminders and escalations. With what a card needs (ref, text, due,
 * plan key) and the recipient's clock. Windows are the default policy's, in calendar days (14 working
 * days before due ≈ 20 days).
 */
export async function reminderFloor(
  driver: Driver,
  p: { now: Date; dueBy: Date; quietSince: Date; todayStart: Date; escalateBefore: Date },
): Promise<Row[]> {
  const columns = `a."id", a."ref", a."text", a."dueDate", a."dueText", pl."key", h."personId", pe."timeZone", pe."workingDays", pe."awayUntil", pe."delegateId", pe."remindersPaused"`;
  const recipient = `JOIN "PostHolding" h ON h."postId" = {post} AND h."to" IS NULL JOIN "Person" pe ON pe."id" = h."personId"`;
  return driver.query(
    `SELECT ${columns}
     FROM "Action" a
     JOIN "Plan" pl ON pl."id" = a."planId"
     JOIN "ActionOwner" o ON o."actionId" = a."id"
     ${recipient.replace('{post}', 'o."postId"')}
     WHERE a."status" = 'open' AND (a."snoozedUntil" IS NULL OR a."snoozedUntil" <= ?)
       AND (a."dueDate" <= ? OR (a."dueDate" IS NULL AND COALESCE(a."lastUpdateAt", a."createdAt") <= ?))
       AND NOT EXISTS (SELECT 1 FROM "ReminderLog" l WHERE l."actionId" = a."id" AND l."personId" = h."personId" AND l."createdAt" >= ?)
     UNION ALL
     SELECT ${columns}
     FROM "Action" a
     JOIN "Plan" pl ON pl."id" = a."planId"
     ${recipient.replace('{post}', 'pl."ownerPostId"')}
     WHERE a."status" = 'open' AND (a."snoozedUntil" IS NULL OR a."snoozedUntil" <= ?) AND a."dueDate" < ?
       AND NOT EXISTS (SELECT 1 FROM "ReminderLog" l WHERE l."actionId" = a."id" AND l."personId" = h."personId" AND l."kind" = 'escalation')`,
    [p.now, p.dueBy, p.quietSince, p.todayStart, p.now, p.escalateBefore],
  );
}
