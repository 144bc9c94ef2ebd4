/**
 * Who may change what. Admins (configured AAD ids or role "admin") may do anything; a plan's owner is
 * whoever holds the plan's owner post; an action's owners are whoever holds its posts, plus the people
 * those holders delegated to. Everyone else is read-only. Every write path asks here.
 */
import type { CoreContext } from '../context';

type Ctx = Pick<CoreContext, 'db' | 'adminAadIds'>;

export async function isAdmin(ctx: Ctx, personId: string): Promise<boolean> {
  const p = await ctx.db.prisma.person.findUnique({ where: { id: personId }, select: { role: true, aadObjectId: true } });
  return !!p && (p.role === 'admin' || (!!p.aadObjectId && ctx.adminAadIds.includes(p.aadObjectId)));
}

/** People currently holding a post. */
export async function holdersOf(ctx: Pick<CoreContext, 'db'>, postIds: string[]): Promise<string[]> {
  if (!postIds.length) return [];
  const rows = await ctx.db.prisma.postHolding.findMany({ where: { postId: { in: postIds }, to: null }, select: { personId: true } });
  return [...new Set(rows.map((r) => r.personId))];
}

export async function isPlanOwner(ctx: Ctx, personId: string, planId: string): Promise<boolean> {
  const plan = await ctx.db.prisma.plan.findUnique({ where: { id: planId }, select: { ownerPostId: true } });
  return !!plan?.ownerPostId && (await holdersOf(ctx, [plan.ownerPostId])).includes(personId);
}

/** Holders of the action's posts and their delegates. */
export async function actionOwnerIds(ctx: Pick<CoreContext, 'db'>, actionId: string): Promise<string[]> {
  const owners = await ctx.db.prisma.actionOwner.findMany({ where: { actionId }, select: { postId: true } });
  const holders = await holdersOf(ctx, owners.map((o) => o.postId));
  const delegates = await ctx.db.prisma.person.findMany({ where: { id: { in: holders }, delegateId: { not: null } }, select: { delegateId: true } });
  return [...new Set([...holders, ...delegates.map((d) => d.delegateId!)])];
}

export type ActionRole = 'owner' | 'plan-owner' | 'admin';

/** Why this person may update the action, or null when they may not. */
export async function actionRole(ctx: Ctx, personId: string, actionId: string): Promise<ActionRole | null> {
  if ((await actionOwnerIds(ctx, actionId)).includes(personId)) return 'owner';
  const action = await ctx.db.prisma.action.findUnique({ where: { id: actionId }, select: { planId: true } });
  if (action && (await isPlanOwner(ctx, personId, action.planId))) return 'plan-owner';
  if (await isAdmin(ctx, personId)) return 'admin';
  return null;
}

/** Plan owners verify completions, decide extensions and change the plan's boards. */
export async function canManagePlan(ctx: Ctx, personId: string, planId: string): Promise<boolean> {
  return (await isPlanOwner(ctx, personId, planId)) || (await isAdmin(ctx, personId));
}
