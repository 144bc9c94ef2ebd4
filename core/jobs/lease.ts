/**
 * One instance runs each scheduled job per slot. The first instance to insert the lease row for a slot
 * runs it; a lease whose holder died (expired, not finished) can be taken over; a finished slot is done.
 */
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/tx';

export async function tryAcquireLease(db: Db, key: string, holder: string, ttlMs: number, now: Date): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  try {
    await db.prisma.jobLease.create({ data: { key, holder, expiresAt } });
    return true;
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const taken = await db.prisma.jobLease.updateMany({
    where: { key, finishedAt: null, expiresAt: { lt: now } },
    data: { holder, expiresAt },
  });
  return taken.count === 1;
}

export async function finishLease(db: Db, key: string, holder: string, now: Date): Promise<void> {
  await db.prisma.jobLease.updateMany({ where: { key, holder }, data: { finishedAt: now } });
}
