/**
 * Setting up oversight boards: link a channel, follow plans, set the digest schedule, unlink. Only
 * admins, or the owner of a plan the board follows, may change a board; the CLI runs as the operator,
 * who already has the database. Every change answers with a sentence the bot can say as it is.
 */
import type { CoreContext } from '../context';
import { findPlanByKey } from '../plans';
import { may, type Actor } from '../people/permissions';
import { describeSchedule, parseScheduleText, toCron } from './schedule';

type Ctx = Pick<CoreContext, 'db' | 'now' | 'timeZone' | 'adminAadIds'>;

export type { Actor };

export type BoardResult = { ok: true; boardId: string; message: string } | { ok: false; message: string };

const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,19}$/;

export function normaliseBoardKey(key: string): string | null {
  return KEY.test(key) ? key.toUpperCase() : null;
}

export async function findBoardByKey(ctx: Pick<CoreContext, 'db'>, key: string) {
  return ctx.db.prisma.board.findUnique({ where: { key: key.toUpperCase() } });
}

export type BoardRow = NonNullable<Awaited<ReturnType<typeof findBoardByKey>>>;

/** Every board, for choosing one (the tab's configuration). */
export function listBoards(ctx: Pick<CoreContext, 'db'>): Promise<{ key: string; name: string }[]> {
  return ctx.db.prisma.board.findMany({ orderBy: { key: 'asc' }, select: { key: true, name: true } });
}

/** The plan with this key when the board follows it. */
export async function followedPlan(ctx: Pick<CoreContext, 'db'>, boardId: string, planKey: string) {
  const link = await ctx.db.prisma.boardPlan.findFirst({
    where: { boardId, plan: { key: planKey.toUpperCase() } },
    select: { plan: { select: { id: true, key: true } } },
  });
  return link?.plan ?? null;
}

export function findBoardById(ctx: Pick<CoreContext, 'db'>, id: string) {
  return ctx.db.prisma.board.findUnique({ where: { id } });
}

/** The board linked to the channel with this Teams conversation id, or null. */
export function boardForChannel(ctx: Pick<CoreContext, 'db'>, channelConversationId: string) {
  return ctx.db.prisma.board.findFirst({ where: { conversation: { conversationId: channelConversationId } } });
}

/** Admins always; otherwise the owner of a plan the board already follows (the tab's board writes). */
export function canChangeBoard(ctx: Ctx, actor: Actor, boardId: string | null): Promise<boolean> {
  return may(ctx, actor, 'board.schedule', { boardId });
}

const REFUSED = 'Only an admin or the owner of a plan this board follows can change it; nothing changed.';

export async function linkBoard(
  ctx: Ctx,
  actor: Actor,
  input: { key: string; name?: string; conversationRefId: string },
): Promise<BoardResult> {
  const key = normaliseBoardKey(input.key);
  if (!key)
    return { ok: false, message: `"${input.key}" can't be a board key: use letters, digits and dashes, e.g. ICB.` };
  const prisma = ctx.db.prisma;
  const existing = await prisma.board.findUnique({ where: { key } });
  if (!(await may(ctx, actor, 'board.link', { boardId: existing?.id ?? null }))) return { ok: false, message: REFUSED };
  const other = await prisma.board.findFirst({ where: { conversationId: input.conversationRefId, key: { not: key } } });
  if (other) return { ok: false, message: `This channel is already linked to board ${other.key}: say "unlink" first.` };
  const name = input.name?.trim() || undefined;
  const linked = { conversationId: input.conversationRefId, digestsFrom: ctx.now() };
  const board = await prisma.board.upsert({
    where: { key },
    create: { key, name: name ?? key, timeZone: ctx.timeZone, ...linked },
    update: { ...(name ? { name } : {}), ...linked },
  });
  const plans = await prisma.boardPlan.count({ where: { boardId: board.id } });
  const next = plans ? '' : ` Next: "board ${key} follows PLAN-KEY".`;
  return {
    ok: true,
    boardId: board.id,
    message: `Linked this channel to board ${key} (${board.name}). Digests: ${describeSchedule(board.digestCron)} (${board.timeZone}).${next}`,
  };
}

export async function followPlan(
  ctx: Ctx,
  actor: Actor,
  input: { boardKey: string; planKey: string },
): Promise<BoardResult> {
  const board = await findBoardByKey(ctx, input.boardKey);
  if (!board)
    return { ok: false, message: `There is no board ${input.boardKey.toUpperCase()}: link a channel to it first.` };
  const plan = await findPlanByKey(ctx, input.planKey);
  if (!plan) return { ok: false, message: `There is no plan ${input.planKey.toUpperCase()}.` };
  if (!(await may(ctx, actor, 'board.follow', { boardId: board.id, planId: plan.id })))
    return { ok: false, message: REFUSED };
  await ctx.db.prisma.boardPlan.upsert({
    where: { boardId_planId: { boardId: board.id, planId: plan.id } },
    create: { boardId: board.id, planId: plan.id },
    update: {},
  });
  return { ok: true, boardId: board.id, message: `Board ${board.key} now follows ${plan.key} (${plan.title}).` };
}

export async function scheduleDigest(
  ctx: Ctx,
  actor: Actor,
  input: { boardId: string; text: string },
): Promise<BoardResult> {
  const parsed = parseScheduleText(input.text);
  if ('error' in parsed) return { ok: false, message: parsed.error };
  if (!(await may(ctx, actor, 'board.schedule', { boardId: input.boardId }))) return { ok: false, message: REFUSED };
  const board = await ctx.db.prisma.board.update({
    where: { id: input.boardId },
    data: { digestCron: toCron(parsed), digestsFrom: ctx.now() },
  });
  return {
    ok: true,
    boardId: board.id,
    message: `Board ${board.key} digests: ${describeSchedule(board.digestCron)} (${board.timeZone}).`,
  };
}

export async function unlinkBoard(ctx: Ctx, actor: Actor, boardId: string): Promise<BoardResult> {
  if (!(await may(ctx, actor, 'board.unlink', { boardId }))) return { ok: false, message: REFUSED };
  const board = await ctx.db.prisma.board.update({ where: { id: boardId }, data: { conversationId: null } });
  return { ok: true, boardId: board.id, message: `Unlinked board ${board.key}: no more digests here.` };
}

export const NOT_LINKED = 'This channel is not linked to a board. Say "link this channel to board KEY" first.';
