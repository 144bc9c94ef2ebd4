/**
 * Claiming outbox rows for sending. A claim marks rows 'sending' with this instance's id and a lease
 * (claimedUntil) and counts the attempt, all before anything goes to Teams. A row still 'sending' whose
 * lease ran out, or whose instance's heartbeat stopped (core/outbox/instances.ts: within seconds of a
 * crash, rather than the lease's minutes), was claimed by an instance that died (or hung) before
 * confirming: it is due again and is resent with the same client-side id (see jobs/outbox-worker.ts for
 * why that is safe). An instance heartbeats before it claims, so its own rows are never taken as orphans.
 *
 * PostgreSQL (several instances): core/store/outbox.ts. SQLite (one instance): a compare-and-set
 * update is enough.
 */
import type { Prisma } from '../../prisma/generated/sqlite/client/client';
import type { Db } from '../db/client';
import { claimOnPostgres } from '../store/outbox';
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

/** How long a conversation stays with the instance that last sent there (Teams' longest window). */
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
  const ids =
    db.provider === 'postgresql'
      ? await claimOnPostgres(db.store, {
          instanceId: opts.instanceId,
          limit: opts.limit,
          now: opts.now,
          until: new Date(opts.now.getTime() + opts.leaseMs),
          affinitySince: new Date(opts.now.getTime() - AFFINITY_MS),
          workerKeyPrefix: WORKER_KEY_PREFIX,
        })
      : await claimSqlite(db, opts);
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

/** Outcome writes only touch a row this instance still holds, so a late answer never overwrites a re-claim. */
function held(id: string, instanceId: string): Prisma.OutboxMessageWhereInput {
  return { id, claimedBy: instanceId, status: 'sending' };
}

export interface Confirmation {
  id: string;
  activityId?: string;
}

/**
 * Records sends Teams accepted, each with its own Teams id, in one transaction: a commit per message was
 * the worker's bottleneck. sentAt is the moment of recording, the same for the group.
 */
export async function markSent(db: Db, instanceId: string, sent: Confirmation[], now: Date): Promise<void> {
  await db.prisma.$transaction(
    sent.map((s) =>
      db.prisma.outboxMessage.updateMany({
        where: held(s.id, instanceId),
        data: { activityId: s.activityId ?? null, status: 'sent', sentAt: now, claimedUntil: null, lastError: null },
      }),
    ),
  );
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

/**
 * Every conversation's sends since `since`, oldest first, for a starting worker's pacing: Teams counts a
 * conversation's sends whichever process made them. A row still 'sending' may have reached Teams before
 * its instance died, or be under way in another's hands: it counts as sent `now`.
 */
export async function sendsSince(db: Db, since: Date, now: Date): Promise<{ conversationId: string; at: Date }[]> {
  const rows = await db.prisma.outboxMessage.findMany({
    where: { OR: [{ sentAt: { gt: since } }, { status: 'sending' }] },
    select: { conversationId: true, status: true, sentAt: true },
  });
  return rows
    .map((r) => ({ conversationId: r.conversationId, at: r.status === 'sending' || !r.sentAt ? now : r.sentAt }))
    .sort((x, y) => x.at.getTime() - y.at.getTime());
}

/** Rows per status, for the queue-depth gauges. */
export async function countByStatus(db: Db): Promise<Record<string, number>> {
  const groups = await db.prisma.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}
