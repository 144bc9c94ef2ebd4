/**
 * The RAG rules (core/rag.ts) as SQL conditions, exact for every one, so lists and counts by effective
 * RAG come straight from the database. Rating candidates in memory read every open action for
 * "what's amber?" (1 s at 100,000 actions) and every action for "how are we doing?" (2.4 s).
 * test/core/query/rag-where.test.ts holds each condition to effectiveRag on random actions.
 *
 * No `NOT`: SQL's NOT of a comparison with a NULL column is NULL, which would drop undated actions.
 * Every negation below is spelt out with its NULL case.
 */
import type { Prisma } from '../db/client';
import type { Rag } from '../domain';
import type { RagWindows } from '../rag';
import { addDays, dateOnly } from '../time';

/** Actions whose last activity (last update, else creation) falls on or before `today − days`. */
export function quietWhere(today: string, days: number): Prisma.ActionWhereInput {
  const before = dateOnly(addDays(today, 1 - days));
  return { OR: [{ lastUpdateAt: { lt: before } }, { lastUpdateAt: null, createdAt: { lt: before } }] };
}

/** Active within the last `days` days: quietWhere's complement. */
function activeWhere(today: string, days: number): Prisma.ActionWhereInput {
  const before = dateOnly(addDays(today, 1 - days));
  return { OR: [{ lastUpdateAt: { gte: before } }, { lastUpdateAt: null, createdAt: { gte: before } }] };
}

const notReported = (...rags: Rag[]): Prisma.ActionWhereInput => ({ OR: [{ reportedRag: null }, { reportedRag: { notIn: rags } }] });

/** The actions whose effective RAG on `today` (the organisation's date) is `rag`. */
export function ragWhere(rag: Rag, today: string, windows: RagWindows): Prisma.ActionWhereInput {
  const day = dateOnly(today);
  const soon = dateOnly(addDays(today, windows.dueSoonDays));
  const notOverdue: Prisma.ActionWhereInput = { OR: [{ dueDate: null }, { dueDate: { gte: day } }] };
  switch (rag) {
    case 'RED':
      return { status: 'open', OR: [{ reportedRag: 'RED' }, { dueDate: { lt: day } }] };
    case 'AMBER':
      return {
        status: 'open',
        AND: [
          notReported('RED'),
          notOverdue,
          { OR: [{ reportedRag: 'AMBER' }, { dueDate: { lte: soon }, ...quietWhere(today, windows.dueSoonQuietDays) }, quietWhere(today, windows.staleDays)] },
        ],
      };
    case 'GREEN':
      return {
        status: 'open',
        AND: [
          notReported('RED', 'AMBER'),
          notOverdue,
          { OR: [{ dueDate: null }, { dueDate: { gt: soon } }, activeWhere(today, windows.dueSoonQuietDays)] },
          activeWhere(today, windows.staleDays),
        ],
      };
    case 'COMPLETE':
      return { status: { in: ['awaiting_verification', 'complete'] } };
    case 'RISK_ACCEPTED':
      return { status: 'closed', outcome: 'risk_accepted' };
    case 'SUPERSEDED':
      // Closed any other way, an outcome not recorded included.
      return { status: 'closed', OR: [{ outcome: null }, { outcome: { notIn: ['risk_accepted'] } }] };
  }
}
