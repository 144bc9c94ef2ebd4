/**
 * Gives history rows written before the hash chain existed their place in it, oldest first, so every row
 * is covered by `verify-history` and, once sealed, by the database's append-only trigger (which lets an
 * unsealed row gain its seq and hash and nothing else). Runs at start and before a verification.
 */
import type { Db } from '../db/client';
import type { Tx } from '../db/tx';
import { rowHash } from './chain';

const ACTIONS_PER_BATCH = 200;

/** Returns the number of rows sealed. */
export async function sealLegacyHistory(db: Db): Promise<number> {
  let sealed = 0;
  // Actions in id order, a batch at a time, each batch one transaction: the (actionId, seq) index finds
  // the next actions with unsealed rows without reading the rows of those already done.
  for (let after = ''; ; ) {
    const pending = await db.store
      .selectFrom('Update')
      .where('seq', 'is', null)
      .where('actionId', '>', after)
      .select('actionId')
      .distinct()
      .orderBy('actionId')
      .limit(ACTIONS_PER_BATCH)
      .execute();
    if (!pending.length) return sealed;
    sealed += await db.prisma.$transaction(async (t) => {
      let rows = 0;
      for (const { actionId } of pending) rows += await sealAction(t as Tx, actionId);
      return rows;
    });
    after = pending[pending.length - 1].actionId;
  }
}

async function sealAction(tx: Tx, actionId: string): Promise<number> {
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
}
