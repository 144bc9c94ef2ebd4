/**
 * Who is talking to the bot and where it can talk back. Captured on install and on every activity
 * (Teams only tells a user's time zone on incoming activities), keyed by AAD object id.
 */
import { sql } from '../store';
import type { CoreContext } from '../context';
import { isValidTimeZone } from '../time';
import { storableText } from '../text';

export interface TeamsUser {
  aadObjectId?: string;
  teamsUserId: string;
  displayName?: string;
  tenantId?: string;
  timeZone?: string;
}

/** What recording a user compares: the Person's Teams-given fields. */
type StoredPerson = {
  id: string;
  teamsUserId: string | null;
  aadObjectId: string | null;
  displayName: string;
  tenantId: string | null;
  timeZone: string | null;
};

/** Records a user seen without a conversation to answer in (recordActivityIdentity records both). */
export async function recordTeamsUser(ctx: Pick<CoreContext, 'db'>, user: TeamsUser) {
  return savePerson(ctx, user, (await storedIdentity(ctx, user)).person);
}

/** Creates the user's Person, or updates `existing` with whatever the activity says differently. */
async function savePerson(
  ctx: Pick<CoreContext, 'db'>,
  sent: TeamsUser,
  existing: StoredPerson | undefined,
): Promise<StoredPerson> {
  const prisma = ctx.db.prisma;
  const user = { ...sent, displayName: sent.displayName && storableText(sent.displayName) };
  // The stored zone was valid when saved: checking a name builds a formatter, costly on every turn.
  const timeZone =
    user.timeZone && (user.timeZone === existing?.timeZone || isValidTimeZone(user.timeZone))
      ? user.timeZone
      : undefined;
  const data = {
    teamsUserId: user.teamsUserId,
    ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}),
    ...(user.displayName ? { displayName: user.displayName } : {}),
    ...(user.tenantId ? { tenantId: user.tenantId } : {}),
    ...(timeZone ? { timeZone } : {}),
  };
  if (existing?.teamsUserId && existing.teamsUserId !== user.teamsUserId && existing.aadObjectId === user.aadObjectId) {
    // Another Teams id carrying this person's AAD object id: the record is not moved to it (that would hand
    // over their name, chats and roles); the sender is kept apart, unlinked, until an admin links them.
    const apart = { teamsUserId: user.teamsUserId, displayName: user.displayName ?? user.teamsUserId };
    return prisma.person.upsert({ where: { teamsUserId: user.teamsUserId }, create: apart, update: {} });
  }
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
  const data = conversationData(c);
  return ctx.db.prisma.conversationRef.upsert({
    where: { conversationId: c.conversationId },
    create: { conversationId: c.conversationId, ...data },
    update: data,
  });
}

/** The channels the bot has been @mentioned in and may still post to, oldest first. */
export function knownChannels(ctx: Pick<CoreContext, 'db'>) {
  return ctx.db.prisma.conversationRef.findMany({
    where: { scope: 'channel', state: 'active' },
    orderBy: { createdAt: 'asc' },
  });
}

/**
 * How long a conversation whose stored row already says everything an activity says goes unwritten.
 * Every activity has a new id (kept in the reference) and a write bumps updatedAt, which picks a
 * person's most recently used chat (reminders, owner messages) and a tenant's service URL (opening
 * chats); one write per conversation per window keeps both within minutes of exact, without a write
 * every turn. Wall-clock time, like Prisma's updatedAt.
 */
export const CONVERSATION_REFRESH_MS = 10 * 60_000;

/**
 * Records the sender of an incoming activity and the conversation it came from, writing only what
 * changed: any field of either (name, time zone, service URL, scope, a gone chat coming back) is saved
 * at once; an unchanged conversation is rewritten once per CONVERSATION_REFRESH_MS.
 */
export async function recordActivityIdentity(
  ctx: Pick<CoreContext, 'db'>,
  user: TeamsUser,
  conversation: Omit<ConversationInput, 'personId'>,
) {
  const stored = await storedIdentity(ctx, user, conversation.conversationId);
  const person = await savePerson(ctx, user, stored.person);
  const input = { ...conversation, personId: conversation.scope === 'personal' ? person.id : undefined };
  const fresh =
    stored.conversation &&
    Date.now() - stored.conversation.updatedAt.getTime() < CONVERSATION_REFRESH_MS &&
    sameConversation(stored.conversation, conversationData(input));
  if (!fresh) await saveConversation(ctx, input);
  return { person };
}

/**
 * The sender's Person (by AAD object id, else Teams user id) and the conversation's stored row, in one
 * statement through the store (ARCHITECTURE "Reads"): every activity asks both. No conversation id, no
 * conversation row.
 */
async function storedIdentity(ctx: Pick<CoreContext, 'db'>, user: TeamsUser, conversationId = '') {
  const { store } = ctx.db;
  const aadObjectId = user.aadObjectId ?? '';
  const sender = store
    .selectFrom('Person as q')
    .where((eb) => eb.or([eb('q.aadObjectId', '=', aadObjectId), eb('q.teamsUserId', '=', user.teamsUserId)]))
    .orderBy((eb) => eb.case().when('q.aadObjectId', '=', aadObjectId).then(0).else(1).end())
    .limit(1)
    .select('q.id');
  // One row whatever matches: the two LEFT JOINs hang off a single constant row.
  const row = await store
    .selectFrom(sql<{ one: number }>`(SELECT 1 AS "one")`.as('x'))
    .leftJoin('Person as p', (join) => join.on('p.id', '=', sender))
    .leftJoin('ConversationRef as c', (join) => join.on('c.conversationId', '=', conversationId))
    .select([
      'p.id as senderId',
      'p.teamsUserId',
      'p.aadObjectId',
      'p.displayName',
      'p.tenantId as senderTenantId',
      'p.timeZone',
    ])
    .select([
      'c.id as conversationRowId',
      'c.scope',
      'c.personId',
      'c.teamId',
      'c.channelName',
      'c.tenantId',
      'c.serviceUrl',
    ])
    .select(['c.reference', 'c.state', 'c.goneReason', 'c.updatedAt'])
    .executeTakeFirstOrThrow();
  const { senderId, conversationRowId } = row;
  return {
    person:
      senderId === null
        ? undefined
        : {
            id: senderId,
            teamsUserId: row.teamsUserId,
            aadObjectId: row.aadObjectId,
            displayName: row.displayName!,
            tenantId: row.senderTenantId,
            timeZone: row.timeZone,
          },
    conversation:
      conversationRowId === null
        ? undefined
        : {
            scope: row.scope,
            personId: row.personId,
            teamId: row.teamId,
            channelName: row.channelName,
            tenantId: row.tenantId,
            serviceUrl: row.serviceUrl,
            reference: row.reference,
            state: row.state,
            goneReason: row.goneReason,
            updatedAt: row.updatedAt!,
          },
  };
}

function conversationData(c: ConversationInput) {
  return {
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
}

/** Whether a stored row holds `data`, the reference's activity id aside (each activity has its own). */
function sameConversation(stored: Record<string, unknown>, data: ReturnType<typeof conversationData>): boolean {
  const withoutActivity = (json: string) => JSON.stringify({ ...JSON.parse(json), activityId: undefined });
  return Object.entries(data).every(([k, v]) =>
    k === 'reference' ? withoutActivity(v as string) === withoutActivity(stored.reference as string) : stored[k] === v,
  );
}
