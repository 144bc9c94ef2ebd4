/** One action by reference ("status of BTP-7"), with its dated history for "history of BTP-7". */
import type { CoreContext } from '../context';
import type { ActionView } from '../actions/view';
import type { UpdateDetail } from '../history/entry';
import { actionViews } from '../actions/view-loader';
import { allOf, inPlanKeyed, withRefs } from '../store/action-filter';
import { displayRef, refSpellings } from './refs';
import type { Query } from './types';

export interface HistoryEntry {
  at: string;
  kind: string;
  text: string | null;
  author: string | null;
  rag: string | null;
  /** Field changes as recorded: { field: [before, after] }. */
  changes: Record<string, [unknown, unknown]> | null;
  /** Who asked and why, who approved, the file row (core/history/entry.ts). */
  detail: UpdateDetail | null;
}

export interface ItemResult {
  kind: 'item';
  /** What was asked for, e.g. "BTP-CDI-7" or "7". */
  asked: string;
  action: ActionView | null;
  /** Refs in other plans when no plan was named and several have it. */
  candidates: string[];
  history?: { entries: HistoryEntry[]; total: number };
}

/** Newest first; older entries are counted, not shown (a card has room for a screenful). */
export const HISTORY_LIMIT = 15;

export async function findItem(ctx: CoreContext, query: Extract<Query, { kind: 'item' }>): Promise<ItemResult> {
  const asked = displayRef(query.plan, query.ref);
  const views = await actionViews(ctx, {
    where: allOf([withRefs(refSpellings(query.ref)), ...(query.plan ? [inPlanKeyed(query.plan)] : [])]),
    order: 'plan',
    page: { offset: 0, size: 5 },
  });
  if (views.length !== 1) return { kind: 'item', asked, action: null, candidates: views.map((v) => v.displayRef) };
  const [action] = views;
  if (!query.history) return { kind: 'item', asked, action, candidates: [] };
  return { kind: 'item', asked, action, candidates: [], history: await historyOf(ctx, action.id) };
}

async function historyOf(ctx: CoreContext, actionId: string): Promise<ItemResult['history']> {
  const where = { actionId };
  const [updates, total] = await Promise.all([
    ctx.db.prisma.update.findMany({ where, orderBy: [{ at: 'desc' }, { createdAt: 'desc' }], take: HISTORY_LIMIT }),
    ctx.db.prisma.update.count({ where }),
  ]);
  return {
    total,
    entries: updates.map((u) => ({
      at: u.at.toISOString(),
      kind: u.kind,
      text: u.text,
      author: u.authorName,
      rag: u.rag,
      changes: parseJson(u.changes),
      detail: parseJson(u.detail),
    })),
  };
}

function parseJson<T>(json: string | null): T | null {
  if (!json) return null;
  try {
    const value = JSON.parse(json);
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}
