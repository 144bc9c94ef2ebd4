/**
 * `verify-history`: recomputes every action's hash chain (chain.ts) from what the database holds and names
 * the first entry of each action that does not match: one changed or removed behind Chaser's back (the
 * append-only trigger stops ordinary writes; this catches whoever turned it off or wrote the file).
 */
import type { CoreContext } from '../context';
import { displayRef } from '../query/refs';
import { formatDate } from '../time';
import { rowHash } from './chain';
import { sealLegacyHistory } from './seal';

const ACTIONS_PER_BATCH = 500;

export interface HistoryProblem {
  action: string;
  seq: number;
  at: Date | null;
  problem: 'changed' | 'missing';
}

export interface HistoryCheck {
  actions: number;
  entries: number;
  sealed: number;
  problems: HistoryProblem[];
}

export async function verifyHistory(ctx: CoreContext, planKey?: string): Promise<HistoryCheck> {
  const p = ctx.db.prisma;
  const sealed = await sealLegacyHistory(ctx.db);
  const check: HistoryCheck = { actions: 0, entries: 0, sealed, problems: [] };
  let cursor: string | undefined;
  for (;;) {
    const actions = await p.action.findMany({
      where: planKey ? { plan: { key: planKey } } : {},
      select: { id: true, ref: true, plan: { select: { key: true } } },
      orderBy: { id: 'asc' },
      take: ACTIONS_PER_BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (!actions.length) {
      check.problems.sort((a, b) => a.action.localeCompare(b.action, 'en', { numeric: true }));
      return check;
    }
    cursor = actions[actions.length - 1].id;
    // Sealed above: every row has its place in the chain.
    const rows = await p.update.findMany({
      where: { actionId: { in: actions.map((a) => a.id) }, seq: { not: null } },
      orderBy: [{ actionId: 'asc' }, { seq: 'asc' }],
    });
    const byAction = new Map<string, StoredRow[]>();
    for (const r of rows) byAction.set(r.actionId, [...(byAction.get(r.actionId) ?? []), { ...r, seq: r.seq! }]);
    for (const a of actions) {
      check.actions += 1;
      const chain = byAction.get(a.id) ?? [];
      check.entries += chain.length;
      const problem = firstBreak(chain);
      if (problem) check.problems.push({ action: displayRef(a.plan.key, a.ref), ...problem });
    }
  }
}

type StoredRow = Parameters<typeof rowHash>[1] & { hash: string | null };

function firstBreak(chain: StoredRow[]): Omit<HistoryProblem, 'action'> | null {
  let previous: string | null = null;
  for (const [i, row] of chain.entries()) {
    const expectedSeq = i + 1;
    if (row.seq !== expectedSeq) return { seq: expectedSeq, at: null, problem: 'missing' };
    if (row.hash !== rowHash(previous, row)) return { seq: row.seq, at: row.at, problem: 'changed' };
    previous = row.hash;
  }
  return null;
}

/** One line per problem, for the CLI and the log. */
export function problemWords(p: HistoryProblem): string {
  return p.problem === 'missing'
    ? `${p.action}: history entry ${p.seq} is missing (removed from the database)`
    : `${p.action}: history entry ${p.seq} (${formatDate(p.at!)}) was changed after it was written`;
}
