/**
 * Who may change what. Admins (configured AAD ids or role "admin") may do anything; a plan's owner is
 * whoever holds the plan's owner post; an action's owners are whoever holds its posts, plus the people
 * those holders delegated to. Everyone else is read-only. Every write path asks here.
 */
import type { CoreContext } from '../context';
import { sql } from '../store';

type Ctx = Pick<CoreContext, 'db' | 'adminAadIds'>;

/** An admin by role, or by an AAD object id the configuration names. */
function admin(ctx: Ctx, p: { role: string; aadObjectId: string | null } | null | undefined): boolean {
  return !!p && (p.role === 'admin' || (!!p.aadObjectId && ctx.adminAadIds.includes(p.aadObjectId)));
}

export async function isAdmin(ctx: Ctx, personId: string): Promise<boolean> {
  return admin(
    ctx,
    await ctx.db.prisma.person.findUnique({ where: { id: personId }, select: { role: true, aadObjectId: true } }),
  );
}

/** Admins, and holders of the owner post of a plan the board follows (one statement: the board tab asks on every load). */
export async function isAdminOrBoardPlanOwner(ctx: Ctx, personId: string, boardId: string | null): Promise<boolean> {
  const person = await ctx.db.store
    .selectFrom('Person as p')
    .where('p.id', '=', personId)
    .select((eb) => [
      'p.role',
      'p.aadObjectId',
      eb
        .exists(
          eb
            .selectFrom('BoardPlan as bp')
            .innerJoin('Plan as pl', 'pl.id', 'bp.planId')
            .innerJoin('PostHolding as h', 'h.postId', 'pl.ownerPostId')
            .where('bp.boardId', '=', boardId ?? '')
            .whereRef('h.personId', '=', 'p.id')
            .where('h.to', 'is', null)
            .select(sql.lit(1).as('one')),
        )
        .as('ownsFollowedPlan'),
    ])
    .executeTakeFirst();
  // SQLite's booleans are 0 and 1.
  return admin(ctx, person) || Boolean(person?.ownsFollowedPlan);
}

/** People currently holding a post. */
export async function holdersOf(ctx: Pick<CoreContext, 'db'>, postIds: string[]): Promise<string[]> {
  if (!postIds.length) return [];
  const rows = await ctx.db.prisma.postHolding.findMany({
    where: { postId: { in: postIds }, to: null },
    select: { personId: true },
  });
  return [...new Set(rows.map((r) => r.personId))];
}

export async function isPlanOwner(ctx: Ctx, personId: string, planId: string): Promise<boolean> {
  const plan = await ctx.db.prisma.plan.findUnique({ where: { id: planId }, select: { ownerPostId: true } });
  return !!plan?.ownerPostId && (await holdersOf(ctx, [plan.ownerPostId])).includes(personId);
}

/** Holders of the action's posts and their delegates. */
export async function actionOwnerIds(ctx: Pick<CoreContext, 'db'>, actionId: string): Promise<string[]> {
  const owners = await ctx.db.prisma.actionOwner.findMany({ where: { actionId }, select: { postId: true } });
  const holders = await holdersOf(
    ctx,
    owners.map((o) => o.postId),
  );
  const delegates = await ctx.db.prisma.person.findMany({
    where: { id: { in: holders }, delegateId: { not: null } },
    select: { delegateId: true },
  });
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

/**
 * Separation of duties: who answers a request when its author may not (they completed the action, or
 * asked for the new date). The plan owner's holders other than the author; else the plan's verifier post;
 * else the admins. The schema has no board chair, so admins are the last resort.
 */
export interface Authority {
  via: 'plan-owner' | 'verifier' | 'admins';
  /** The verifier post's name when `via` is "verifier". */
  post: string | null;
  people: { id: string; displayName: string }[];
}

export async function nextAuthority(ctx: Ctx, planId: string, authorId: string | null): Promise<Authority> {
  const plan = await ctx.db.prisma.plan.findUnique({
    where: { id: planId },
    select: { ownerPostId: true, verifierPost: { select: { id: true, name: true } } },
  });
  const others = async (ids: string[]) =>
    peopleNamed(
      ctx,
      ids.filter((id) => id !== authorId),
    );
  const owners = await others(plan?.ownerPostId ? await holdersOf(ctx, [plan.ownerPostId]) : []);
  if (owners.length) return { via: 'plan-owner', post: null, people: owners };
  const verifiers = await others(plan?.verifierPost ? await holdersOf(ctx, [plan.verifierPost.id]) : []);
  if (verifiers.length) return { via: 'verifier', post: plan!.verifierPost!.name, people: verifiers };
  return { via: 'admins', post: null, people: await others(await adminIds(ctx)) };
}

/** "Megan Bowen (Head of Audit)", "an admin (Megan Bowen)", "the plan owner (Pat Planner)". */
export function authorityWords(a: Authority): string {
  const names = a.people.map((p) => p.displayName).join(', ');
  if (a.via === 'verifier') return names ? `${names} (${a.post})` : `the ${a.post} (nobody holds the post)`;
  if (a.via === 'admins') return names ? `an admin (${names})` : 'an admin (none is set up)';
  return `the plan owner (${names})`;
}

/** Holders of the plan's verifier post: they verify and decide dates as the plan owner does. */
export async function isPlanVerifier(ctx: Ctx, personId: string, planId: string): Promise<boolean> {
  const plan = await ctx.db.prisma.plan.findUnique({ where: { id: planId }, select: { verifierPostId: true } });
  return !!plan?.verifierPostId && (await holdersOf(ctx, [plan.verifierPostId])).includes(personId);
}

/** Plan owners, the plan's verifier and admins decide completions and new dates (not their own: below). */
export async function canDecideForPlan(ctx: Ctx, personId: string, planId: string): Promise<boolean> {
  return (await canManagePlan(ctx, personId, planId)) || (await isPlanVerifier(ctx, personId, planId));
}

/** Whoever reported the action complete may not verify it. */
export function isOwnCompletion(action: { completedById: string | null }, personId: string): boolean {
  return action.completedById === personId;
}

/** Whoever asked for a new date may not approve it. */
export function isOwnRequest(request: { requestedById: string }, personId: string): boolean {
  return request.requestedById === personId;
}

/** Admins: people with the admin role and the configured AAD ids. */
export async function adminIds(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db.prisma.person.findMany({
    where: { OR: [{ role: 'admin' }, ...(ctx.adminAadIds.length ? [{ aadObjectId: { in: ctx.adminAadIds } }] : [])] },
    select: { id: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => r.id);
}

async function peopleNamed(ctx: Ctx, ids: string[]): Promise<{ id: string; displayName: string }[]> {
  if (!ids.length) return [];
  const rows = await ctx.db.prisma.person.findMany({
    where: { id: { in: ids } },
    select: { id: true, displayName: true },
  });
  return ids.map((id) => rows.find((r) => r.id === id)).filter((p): p is { id: string; displayName: string } => !!p);
}

/**
 * Who may accept a risk instead of acting: holders of the plan's risk acceptor post (the plan owner's
 * post when none is set) and admins. Committees ask that this authority be defined (GIAS 11.5).
 */
export async function mayAcceptRisk(ctx: Ctx, personId: string, planId: string): Promise<boolean> {
  return (await riskAcceptorIds(ctx, planId)).includes(personId) || (await isAdmin(ctx, personId));
}

/** The people a risk acceptance's review goes to: the acceptor post's holders, else the plan owner's. */
export async function riskAcceptorIds(ctx: Pick<CoreContext, 'db'>, planId: string): Promise<string[]> {
  const plan = await ctx.db.prisma.plan.findUnique({
    where: { id: planId },
    select: { ownerPostId: true, riskAcceptorPostId: true },
  });
  const post = plan?.riskAcceptorPostId ?? plan?.ownerPostId;
  return post ? holdersOf(ctx, [post]) : [];
}

/** The acceptor post's name, for "only the Chief Constable can accept this risk". */
export async function riskAcceptorPost(ctx: Pick<CoreContext, 'db'>, planId: string): Promise<string> {
  const plan = await ctx.db.prisma.plan.findUnique({
    where: { id: planId },
    select: { riskAcceptorPost: { select: { name: true } }, ownerPost: { select: { name: true } } },
  });
  return plan?.riskAcceptorPost?.name ?? plan?.ownerPost?.name ?? 'the plan owner';
}

/** Marking an action superseded is the plan owner's (or an admin's) call, as changing the plan is. */
export const maySupersede = canManagePlan;
