/**
 * The one way rows enter an action's history: numbered in order and hash-chained (chain.ts). Two writers
 * appending to the same action at once collide on (actionId, seq) and one transaction rolls back, as a
 * lost optimistic-concurrency race does; callers already treat a unique violation that way.
 */
import type { Provider } from '../db/client';
import { bulk, orderedId } from '../store/bulk';
import type { Tx } from '../db/tx';
import { rowHash, type ChainedRow } from './chain';
import type { HistoryEntry } from './entry';

const IDS_PER_QUERY = 500;

interface ChainHead {
  seq: number;
  hash: string | null;
}

/** Appends one row; returns its id. */
export async function appendHistory(tx: Tx, entry: HistoryEntry): Promise<string> {
  const head = await tx.update.findFirst({
    where: { actionId: entry.actionId, seq: { not: null } },
    orderBy: { seq: 'desc' },
    select: { seq: true, hash: true },
  });
  const row = chained(entry, head && { seq: head.seq!, hash: head.hash });
  await tx.update.create({ data: row });
  return row.id;
}

/** Appends many rows (an import's), in the order given per action, in a few statements. */
export async function appendHistoryMany(tx: Tx, provider: Provider, entries: HistoryEntry[], now: Date): Promise<void> {
  if (!entries.length) return;
  const actionIds = [...new Set(entries.map((e) => e.actionId))];
  const heads = new Map<string, ChainHead>();
  // Bounded IN lists: a 10,000-action import must not meet a driver's parameter limit.
  for (let i = 0; i < actionIds.length; i += IDS_PER_QUERY) {
    const rows = await tx.update.findMany({
      where: { actionId: { in: actionIds.slice(i, i + IDS_PER_QUERY) }, seq: { not: null } },
      select: { actionId: true, seq: true, hash: true },
    });
    for (const r of rows)
      if ((heads.get(r.actionId)?.seq ?? 0) < r.seq!) heads.set(r.actionId, { seq: r.seq!, hash: r.hash });
  }
  const rows = entries.map((e) => {
    const row = chained(e, heads.get(e.actionId) ?? null);
    heads.set(e.actionId, { seq: row.seq, hash: row.hash });
    return { ...row, createdAt: now };
  });
  await bulk(tx, provider).insert('Update', rows);
}

function chained(e: HistoryEntry, head: ChainHead | null): ChainedRow & { hash: string } {
  const row: ChainedRow = {
    id: orderedId(),
    actionId: e.actionId,
    seq: (head?.seq ?? 0) + 1,
    at: e.at,
    kind: e.kind,
    authorName: e.authorName ?? null,
    authorPersonId: e.authorPersonId ?? null,
    text: e.text ?? null,
    changes: e.changes && Object.keys(e.changes).length ? JSON.stringify(e.changes) : null,
    rag: e.rag ?? null,
    idempotencyKey: e.idempotencyKey ?? null,
    detail: e.detail ? JSON.stringify(e.detail) : null,
  };
  return { ...row, hash: rowHash(head?.hash ?? null, row) };
}
