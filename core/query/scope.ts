/**
 * Resolves the names in a query (plan key, board key, owner) to ids the SQL filters use, with the
 * words a card shows for them. Small lookups: a handful of rows each, never per action.
 */
import type { Prisma } from '../db/client';
import { allOf, inActivePlan, inPlans, ownedByPosts, type ActionFilter } from '../store/action-filter';
import type { CoreContext } from '../context';
import type { Owner, SingleOwner } from './types';

/** Who asked: the Person captured from the activity (aadObjectId or Teams user id). */
export interface Asker {
  aadObjectId?: string;
  teamsUserId?: string;
}

export interface Scope {
  /** Undefined: every plan. Empty: a name that matches nothing. */
  planIds?: string[];
  /** The actions of the posts that count as the owner's. */
  owned?: ActionFilter;
  /** Words for the card: "BTP-CDI", "the ICB", "Head of Contact Management", "you". */
  labels: { plan?: string; board?: string; owner?: string };
}

export async function resolveScope(
  ctx: Pick<CoreContext, 'db'>,
  names: { plan?: string; board?: string; owner?: Owner },
  asker?: Asker,
): Promise<Scope> {
  const prisma = ctx.db.prisma;
  const scope: Scope = { labels: {} };
  if (names.plan) {
    const plan = await prisma.plan.findUnique({ where: { key: names.plan }, select: { id: true, key: true } });
    scope.planIds = plan ? [plan.id] : [];
    scope.labels.plan = plan?.key ?? names.plan;
  }
  if (names.board) {
    const board = await prisma.board.findUnique({
      where: { key: names.board },
      select: { key: true, plans: { select: { planId: true } } },
    });
    const onBoard = board?.plans.map((p) => p.planId) ?? [];
    scope.planIds = scope.planIds ? scope.planIds.filter((id) => onBoard.includes(id)) : onBoard;
    scope.labels.board = board?.key ?? names.board;
  }
  if (names.owner) {
    const owner = await resolveOwner(ctx, names.owner, asker);
    scope.owned = ownedByPosts(owner.postIds);
    scope.labels.owner = owner.label;
  }
  return scope;
}

async function resolveOwner(
  ctx: Pick<CoreContext, 'db'>,
  owner: Owner,
  asker?: Asker,
): Promise<{ postIds: string[]; label: string }> {
  if ('any' in owner) {
    const each = [];
    for (const one of owner.any) each.push(await resolveSingleOwner(ctx, one, asker));
    return { postIds: [...new Set(each.flatMap((o) => o.postIds))], label: ownersLabel(each.map((o) => o.label)) };
  }
  return resolveSingleOwner(ctx, owner, asker);
}

async function resolveSingleOwner(
  ctx: Pick<CoreContext, 'db'>,
  owner: SingleOwner,
  asker?: Asker,
): Promise<{ postIds: string[]; label: string }> {
  const prisma = ctx.db.prisma;
  if ('post' in owner) {
    const post = await prisma.post.findUnique({ where: { name: owner.post }, select: { id: true, name: true } });
    return { postIds: post ? [post.id] : [], label: owner.post };
  }
  const keys = askerKeys(asker);
  const who: Prisma.PersonWhereInput | null =
    'personId' in owner ? { id: owner.personId } : keys.length ? { OR: keys } : null;
  const person = who && (await prisma.person.findFirst({ where: who, select: { id: true, displayName: true } }));
  const label = 'me' in owner ? 'you' : (person?.displayName ?? 'that person');
  if (!person) return { postIds: [], label };
  // A delegate answers for the people who delegated to them, so their posts count too.
  const holdings = await prisma.postHolding.findMany({
    where: { to: null, OR: [{ personId: person.id }, { person: { delegateId: person.id } }] },
    select: { postId: true },
  });
  return { postIds: [...new Set(holdings.map((h) => h.postId))], label };
}

/** "Alex or the DCC"; people who share a name once, with how many: "Alex Wilber (2 people)". */
function ownersLabel(labels: string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].map(([label, n]) => (n > 1 ? `${label} (${n} people)` : label)).join(' or ');
}

function askerKeys(asker?: Asker): Prisma.PersonWhereInput[] {
  return [
    ...(asker?.aadObjectId ? [{ aadObjectId: asker.aadObjectId }] : []),
    ...(asker?.teamsUserId ? [{ teamsUserId: asker.teamsUserId }] : []),
  ];
}

/** The scope as an action filter: actions of plans still followed (not archived). */
export function scopeFilter(scope: Scope): ActionFilter {
  return allOf([
    inActivePlan,
    ...(scope.planIds ? [inPlans(scope.planIds)] : []),
    ...(scope.owned ? [scope.owned] : []),
  ]);
}
