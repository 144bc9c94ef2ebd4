/**
 * Claiming outbox rows for sending. A claim marks rows 'sending' with this instance's id and a lease
 * (claimedUntil) and counts the attempt, all before anything goes to Teams. A row still 'sending' whose
 * lease ran out, or whose instance's heartbeat stopped (core/outbox/instances.ts: within seconds of a
 * crash, rather than the lease's minutes), was claimed by an instance that died (or hung) before
 * confirming: it is due again and is resent with the same client-side id (see jobs/outbox-worker.ts for
 * why that is safe). An instance heartbeats before it claims, so its own rows are never taken as orphans.
 *
 * PostgreSQL (several instances): conversations are locked with FOR UPDATE SKIP LOCKED, so two
 * instances never claim the same rows and never wait on each other. A conversation stays with the
 * instance that last sent there while that instance is alive (within the hour Teams' longest window
 * spans), because each instance paces conversations from its own memory of recent sends.
 * SQLite (one instance): a compare-and-set update is enough.
 */
import { Prisma } from '../../prisma/generated/sqlite/client/client';
import type { Db } from '../db/client';
import { liveInstances, WORKER_KEY_PREFIX } from './instances';

export interface ClaimOptions {
  instanceId: string;
  limit: number;
  leaseMs: number;
  now: Date;
}

export interface ClaimedMessage {
  id: string;
  purpose: string;
  attempts: number;
  /** The JSON to send. A due row always has it (only final rows are pruned, prune.ts): null is a bug. */
  activity: string | null;
  conversationRefId: string;
  conversation: { id: string; conversationId: string; reference: string; state: string };
}

const AFFINITY_MS = 3_600_000;

/** `live`: the instances whose heartbeat has not run out. */
function dueWhere(now: Date, live: string[]): Prisma.OutboxMessageWhereInput {
  return {
    OR: [
      { status: 'queued', notBefore: { lte: now } },
      { status: 'sending', claimedUntil: { lt: now } },
      { status: 'sending', claimedBy: { notIn: live } },
    ],
  };
}

/** Claims up to `limit` due rows, oldest first, and returns them with where they go. */
export async function claimDue(db: Db, opts: ClaimOptions): Promise<ClaimedMessage[]> {
  const ids = db.provider === 'postgresql' ? await claimPostgres(db, opts) : await claimSqlite(db, opts);
  if (!ids.length) return [];
  const rows = await db.prisma.outboxMessage.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      purpose: true,
      attempts: true,
      activity: true,
      conversationId: true,
      conversation: { select: { id: true, conversationId: true, reference: true, state: true } },
      notBefore: true,
    },
    orderBy: [{ notBefore: 'asc' }, { createdAt: 'asc' }],
  });
  return rows.map(({ conversationId, notBefore: _n, ...r }) => ({ ...r, conversationRefId: conversationId }));
}

async function claimSqlite(db: Db, { instanceId, limit, leaseMs, now }: ClaimOptions): Promise<string[]> {
  const live = await liveInstances(db, now);
  const candidates = await db.prisma.outboxMessage.findMany({
    where: dueWhere(now, live),
    orderBy: [{ notBefore: 'asc' }, { createdAt: 'asc' }],
    take: limit,
    select: { id: true },
  });
  if (!candidates.length) return [];
  const claimedUntil = new Date(now.getTime() + leaseMs);
  await db.prisma.outboxMessage.updateMany({
    where: { id: { in: candidates.map((c) => c.id) }, ...dueWhere(now, live) },
    data: { status: 'sending', claimedBy: instanceId, claimedUntil, attempts: { increment: 1 } },
  });
  const mine = await db.prisma.outboxMessage.findMany({
    where: { id: { in: candidates.map((c) => c.id) }, status: 'sending', claimedBy: instanceId, claimedUntil },
    select: { id: true },
  });
  return mine.map((m) => m.id);
}

async function claimPostgres(db: Db, { instanceId, limit, leaseMs, now }: ClaimOptions): Promise<string[]> {
  // timestamp(3) columns hold UTC wall time; an ISO string cast to timestamp keeps exactly that.
  const at = now.toISOString();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const hourAgo = new Date(now.getTime() - AFFINITY_MS).toISOString();
  const alive = (row: Prisma.Sql) =>
    Prisma.sql`EXISTS (SELECT 1 FROM "AppState" a WHERE a.key = ${WORKER_KEY_PREFIX} || ${row}."claimedBy" AND a.value > ${at})`;
  // Due: queued and ready, or claimed by an instance whose lease ran out or that is no longer alive.
  const due = (row: Prisma.Sql) => Prisma.sql`((${row}.status = 'queued' AND ${row}."notBefore" <= ${at}::timestamp)
    OR (${row}.status = 'sending' AND (${row}."claimedUntil" < ${at}::timestamp OR NOT ${alive(row)})))`;
  // Rows of the conversation still held (or recently sent to) by another live instance.
  const elsewhere = (conversationId: Prisma.Sql) => Prisma.sql`EXISTS (
    SELECT 1 FROM "OutboxMessage" h
    WHERE h."conversationId" = ${conversationId} AND h."claimedBy" IS NOT NULL AND h."claimedBy" <> ${instanceId}
      AND ((h.status = 'sending' AND h."claimedUntil" >= ${at}::timestamp) OR h."sentAt" > ${hourAgo}::timestamp)
      AND ${alive(Prisma.sql`h`)})`;
  return db.prisma.$transaction(async (tx) => {
    // The outer LIMIT applies after SKIP LOCKED: an instance claiming at the same moment as another
    // takes the next conversations instead of finding every candidate locked.
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT c.id FROM "ConversationRef" c
      WHERE c.id IN (
        SELECT o."conversationId" FROM "OutboxMessage" o
        WHERE ${due(Prisma.sql`o`)}
          AND NOT ${elsewhere(Prisma.sql`o."conversationId"`)}
        ORDER BY o."notBefore" LIMIT ${limit * 4})
      LIMIT ${limit}
      FOR UPDATE OF c SKIP LOCKED`;
    if (!locked.length) return [];
    // Checked again now the locks are held: a fresh statement sees every claim committed before.
    const elsewhereNow = await tx.$queryRaw<{ conversationId: string }[]>`
      SELECT c.id AS "conversationId" FROM "ConversationRef" c
      WHERE c.id = ANY(${locked.map((l) => l.id)}) AND ${elsewhere(Prisma.sql`c.id`)}`;
    const taken = new Set(elsewhereNow.map((e) => e.conversationId));
    const free = locked.map((l) => l.id).filter((id) => !taken.has(id));
    if (!free.length) return [];
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "OutboxMessage" SET status = 'sending', "claimedBy" = ${instanceId}, "claimedUntil" = ${until}::timestamp, attempts = attempts + 1
      WHERE id IN (
        SELECT id FROM "OutboxMessage" o
        WHERE o."conversationId" = ANY(${free}) AND ${due(Prisma.sql`o`)}
        ORDER BY "notBefore", "createdAt" LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    return claimed.map((c) => c.id);
  });
}

/** Outcome writes only touch a row this instance still holds, so a late answer never overwrites a re-claim. */
function held(id: string, instanceId: string): Prisma.OutboxMessageWhereInput {
  return { id, claimedBy: instanceId, status: 'sending' };
}

export interface Confirmation {
  id: string;
  activityId?: string;
}

/**
 * Records sends Teams accepted, many rows in two statements: a commit per message was the worker's
 * bottleneck. No transaction is needed (and on SQLite each one opens a connection): a crash between
 * the two leaves the row 'sending' with its Teams id, to be resent under the same client-side id.
 * sentAt is the moment of recording, the same for the group.
 */
export async function markSent(db: Db, instanceId: string, sent: Confirmation[], now: Date): Promise<void> {
  const ids = sent.map((s) => s.id);
  const activityIds = Prisma.join(
    sent.map((s) => Prisma.sql`WHEN ${s.id} THEN ${s.activityId ?? null}`),
    ' ',
  );
  await db.prisma.$executeRaw`UPDATE "OutboxMessage" SET "activityId" = CASE id ${activityIds} END
    WHERE id IN (${Prisma.join(ids)}) AND "claimedBy" = ${instanceId} AND status = 'sending'`;
  await db.prisma.outboxMessage.updateMany({
    where: { id: { in: ids }, claimedBy: instanceId, status: 'sending' },
    data: { status: 'sent', sentAt: now, claimedUntil: null, lastError: null },
  });
}

export async function markForRetry(
  db: Db,
  id: string,
  instanceId: string,
  notBefore: Date,
  error: string,
): Promise<void> {
  await db.prisma.outboxMessage.updateMany({
    where: held(id, instanceId),
    data: { status: 'queued', notBefore, claimedUntil: null, lastError: error },
  });
}

/** Hands a claimed row back untried (the app is throttled): the attempt it was charged does not count. */
export async function release(db: Db, id: string, instanceId: string, notBefore: Date): Promise<void> {
  await db.prisma.outboxMessage.updateMany({
    where: held(id, instanceId),
    data: { status: 'queued', notBefore, claimedUntil: null, attempts: { decrement: 1 } },
  });
}

export async function markFailed(db: Db, id: string, instanceId: string, error: string): Promise<void> {
  await db.prisma.outboxMessage.updateMany({
    where: held(id, instanceId),
    data: { status: 'failed', claimedUntil: null, lastError: error },
  });
}

/** Rows per status, for the queue-depth gauges. */
export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const groups = await db.prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}
