/**
 * Actions as they stood at a past moment, so a late or re-run digest says what was true at its slot.
 * Update history is append-only and change records carry { field: [before, after] }: rolling back the
 * first later change of each field restores it, and the last progress note at or before the moment
 * restores "last update".
 */
import type { CoreContext } from '../context';
import { actionViewInclude, toActionView, type ActionRow, type ActionView } from '../actions/view';
import { dateOnly, localDate } from '../time';

type Ctx = Pick<CoreContext, 'db' | 'timeZone' | 'ragWindows'>;

const ROLLED_BACK = [
  'status',
  'reportedRag',
  'reportedRagAt',
  'dueDate',
  'dueText',
  'completedAt',
  'verifiedAt',
  'outcome',
  'outcomeReason',
  'reviewDate',
] as const;
type RolledBack = (typeof ROLLED_BACK)[number];

/** The board's actions (created by `asOf`) as views computed with the clock at `asOf`. */
export async function actionViewsAsOf(
  ctx: Ctx,
  planIds: string[],
  asOf: Date,
): Promise<{ views: ActionView[]; rows: ActionRow[] }> {
  const prisma = ctx.db.prisma;
  const rows = await prisma.action.findMany({
    where: { planId: { in: planIds }, createdAt: { lte: asOf } },
    include: actionViewInclude,
    orderBy: [{ plan: { key: 'asc' } }, { position: 'asc' }],
  });
  const later = await prisma.update.findMany({
    where: { action: { planId: { in: planIds } }, at: { gt: asOf } },
    orderBy: [{ at: 'asc' }, { createdAt: 'asc' }],
    select: { actionId: true, kind: true, changes: true },
  });
  if (later.length) await rollBack(ctx, rows, later, asOf);
  const at = { ...ctx, now: () => asOf };
  const today = localDate(asOf, ctx.timeZone);
  return { rows, views: rows.map((r) => toActionView(r, at, today)) };
}

async function rollBack(
  ctx: Ctx,
  rows: ActionRow[],
  later: { actionId: string; kind: string; changes: string | null }[],
  asOf: Date,
) {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const restored = new Set<string>();
  const progressed = new Set<string>();
  for (const u of later) {
    const row = byId.get(u.actionId);
    if (!row) continue;
    if (u.kind === 'progress') progressed.add(u.actionId);
    for (const [field, pair] of Object.entries(parseChanges(u.changes))) {
      const key = `${u.actionId}:${field}`;
      if (!(ROLLED_BACK as readonly string[]).includes(field) || restored.has(key)) continue;
      restored.add(key);
      (row as Record<RolledBack, unknown>)[field as RolledBack] = revive(field as RolledBack, pair[0]);
    }
  }
  if (!progressed.size) return;
  const earlier = await ctx.db.prisma.update.findMany({
    where: { actionId: { in: [...progressed] }, kind: 'progress', at: { lte: asOf } },
    orderBy: [{ at: 'desc' }, { createdAt: 'desc' }],
  });
  for (const id of progressed) {
    const row = byId.get(id)!;
    const mine = earlier.filter((u) => u.actionId === id);
    row.updates = mine;
    row.lastUpdateAt = mine[0]?.at ?? null;
  }
}

function parseChanges(changes: string | null): Record<string, [unknown, unknown]> {
  if (!changes) return {};
  try {
    const parsed = JSON.parse(changes) as unknown;
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, v]) => Array.isArray(v) && v.length === 2)) as Record<
      string,
      [unknown, unknown]
    >;
  } catch {
    return {};
  }
}

function revive(field: RolledBack, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const isDate = field === 'dueDate' || field === 'reviewDate' || field.endsWith('At');
  if (!isDate) return String(value);
  const s = String(value);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) ? dateOnly(s) : new Date(s);
}
