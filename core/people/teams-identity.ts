/**
 * Who is talking to the bot and where it can talk back. Captured on install and on every activity
 * (Teams only tells a user's time zone on incoming activities), keyed by AAD object id.
 */
import type { CoreContext } from '../context';
import { isValidTimeZone } from '../time';

export interface TeamsUser {
  aadObjectId?: string;
  teamsUserId: string;
  displayName?: string;
  tenantId?: string;
  timeZone?: string;
}

export async function recordTeamsUser(ctx: Pick<CoreContext, 'db'>, user: TeamsUser) {
  const prisma = ctx.db.prisma;
  const timeZone = user.timeZone && isValidTimeZone(user.timeZone) ? user.timeZone : undefined;
  const existing = await prisma.person.findFirst({
    where: {
      OR: [...(user.aadObjectId ? [{ aadObjectId: user.aadObjectId }] : []), { teamsUserId: user.teamsUserId }],
    },
  });
  const data = {
    teamsUserId: user.teamsUserId,
    ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}),
    ...(user.displayName ? { displayName: user.displayName } : {}),
    ...(user.tenantId ? { tenantId: user.tenantId } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
  if (existing) {
    const changed = Object.entries(data).some(([k, v]) => (existing as Record<string, unknown>)[k] !== v);
    return changed ? prisma.person.update({ where: { id: existing.id }, data }) : existing;
  }
  return prisma.person.create({ data: { displayName: user.displayName ?? user.teamsUserId, ...data } });
}

export interface ConversationInput {
  conversationId: string;
  scope: 'personal' | 'groupChat' | 'channel';
  personId?: string;
  teamId?: string;
  channelName?: string;
  tenantId?: string;
  serviceUrl: string;
  /** botbuilder's ConversationReference, stored as-is for proactive sends. */
  reference: object;
}

/** Stores (or refreshes) where the bot can reach a person or channel; a returning user revives a gone one. */
export async function saveConversation(ctx: Pick<CoreContext, 'db'>, c: ConversationInput) {
  const data = {
    scope: c.scope,
    personId: c.personId ?? null,
    teamId: c.teamId ?? null,
    channelName: c.channelName ?? null,
    tenantId: c.tenantId ?? null,
    serviceUrl: c.serviceUrl,
    reference: JSON.stringify(c.reference),
    state: 'active',
    goneReason: null,
  };
  return ctx.db.prisma.conversationRef.upsert({
    where: { conversationId: c.conversationId },
    create: { conversationId: c.conversationId, ...data },
    update: data,
  });
}
