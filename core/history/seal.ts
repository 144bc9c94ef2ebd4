/**
 * Gives history rows written before the hash chain existed their place in it, oldest first, so every row
 * is covered by `verify-history` and, once sealed, by the database's append-only trigger (which lets an
 * unsealed row gain its seq and hash and nothing else). Runs at start and before a verification.
 */
import type { Db } from '../db/client';
import { rowHash } from './chain';

const ACTIONS_PER_BATCH = 200;

/** Returns the number of rows sealed. */
export async function sealLegacyHistory(db: Db): Promise<number> {
  const p = db.prisma;
  let sealed = 0;
  for (;;) {
    const pending = await p.update.findMany({
      where: { seq: null },
      distinct: ['actionId'],
      select: { actionId: true },
      take: ACTIONS_PER_BATCH,
    });
    if (!pending.length) return sealed;
    for (const { actionId } of pending) sealed += await sealAction(db, actionId);
  }
}

async function sealAction(db: Db, actionId: string): Promise<number> {
  return db.prisma.$transaction(async (tx) => {
    const head = await tx.update.findFirst({
      where: { actionId, seq: { not: null } },
      orderBy: { seq: 'desc' },
      select: { seq: true, hash: true },
    });
    const rows = await tx.update.findMany({
      where: { actionId, seq: null },
      orderBy: [{ at: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    let seq = head?.seq ?? 0;
    let hash = head?.hash ?? null;
    for (const row of rows) {
      seq += 1;
      hash = rowHash(hash, { ...row, seq });
      await tx.update.update({ where: { id: row.id }, data: { seq, hash } });
    }
    return rows.length;
  });
}
