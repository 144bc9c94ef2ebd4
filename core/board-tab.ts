/**
 * Where a board reads an action in Teams: the board tab in the channel the board is linked to. Cards
 * deep-link there only when the app's manifest id is configured and one of the boards following the
 * action's plan has a channel: a deep link needs both, and Teams shows an error for a link to nowhere.
 */
import type { CoreContext } from './context';
import type { Tx } from './db/tx';
import type { BoardTab } from './domain';

/** The board tab of the first board (by key) following the plan that has a channel, or null. */
export async function boardTabOf(ctx: CoreContext, planId: string, db: Tx = ctx.db.prisma): Promise<BoardTab | null> {
  if (!ctx.teamsAppId) return null;
  const board = await db.board.findFirst({
    where: { plans: { some: { planId } }, conversation: { scope: 'channel' } },
    orderBy: { key: 'asc' },
    select: { key: true, conversation: { select: { conversationId: true, scope: true } } },
  });
  return board ? tabIn(ctx, board.key, board.conversation) : null;
}

/** A board's own tab, when the conversation it is linked to is a channel. */
export function tabIn(
  ctx: Pick<CoreContext, 'teamsAppId'>,
  boardKey: string,
  conversation: { conversationId: string; scope: string } | null,
): BoardTab | null {
  if (!ctx.teamsAppId || conversation?.scope !== 'channel') return null;
  // A channel's conversation id may name the thread a message went to (";messageid=…"): the link wants the channel.
  return { appId: ctx.teamsAppId, boardKey, channelId: conversation.conversationId.split(';')[0] };
}
