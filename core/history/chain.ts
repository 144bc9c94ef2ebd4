/**
 * The hash chain that makes history tamper-evident: each row's hash covers its own content and the
 * previous row's hash in the same action's history, so changing, removing or reordering a row breaks
 * every hash after it. Pure: the writer and `verify-history` compute it the same way.
 */
import { createHash } from 'node:crypto';

/** The stored columns a row's hash covers, as read back from either database. */
export interface ChainedRow {
  id: string;
  actionId: string;
  seq: number;
  at: Date;
  kind: string;
  authorName: string | null;
  authorPersonId: string | null;
  text: string | null;
  changes: string | null;
  rag: string | null;
  idempotencyKey: string | null;
  detail: string | null;
}

export function rowHash(previousHash: string | null, row: ChainedRow): string {
  // An array, not an object: its order is fixed, whatever order a driver returns columns in.
  const content = [
    previousHash ?? '',
    row.id,
    row.actionId,
    row.seq,
    row.at.toISOString(),
    row.kind,
    row.authorName,
    row.authorPersonId,
    row.text,
    row.changes,
    row.rag,
    row.idempotencyKey,
    row.detail,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}
