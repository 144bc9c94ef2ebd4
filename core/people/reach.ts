/**
 * Opening a 1:1 chat with someone who has never talked to the bot. Teams lets a bot create a personal
 * conversation with a user it knows (Teams user id or AAD object id, and tenant) through the tenant's
 * service URL, provided the app is installed for them; otherwise it answers 403/404. This module picks
 * who can be tried and remembers refusals; the Teams call itself is a ConversationOpener (bot/).
 *
 * A refusal is kept in AppState ("reach:refused:<personId>", an ISO time to retry after), not on
 * Person: it is a retry timer, not part of who someone is, and needs no schema change.
 */
import type { CoreContext } from '../context';
import { DAY_MS } from '../time';

export interface OpenTarget {
  personId: string;
  displayName: string;
  /** The member to create the chat with: the Teams user id, else the AAD object id. */
  memberId: string;
  aadObjectId: string | null;
  tenantId: string;
  /** The tenant's Bot Connector endpoint, from any conversation the bot holds in that tenant. */
  serviceUrl: string;
  /** The bot's Teams account in that tenant, from the same conversation. */
  bot: { id: string; name?: string };
}

export type OpenOutcome = 'opened' | 'failed' | 'forbidden';

/** Creates the chat and stores its conversation reference (scope 'personal') before resolving 'opened'. */
export interface ConversationOpener {
  open(target: OpenTarget): Promise<OpenOutcome>;
}

/** After a refusal the app is not installed for them; a week keeps Teams' limits for people who may install it. */
export const REFUSED_RETRY_DAYS = 7;
const REFUSED_PREFIX = 'reach:refused:';

/**
 * Of `personIds`, those a chat can be opened with now: known to Teams (ids and tenant), in a tenant the
 * bot has a conversation in, with no active 1:1 chat, and not refused recently. Order is kept.
 */
export async function openTargets(ctx: CoreContext, personIds: string[]): Promise<OpenTarget[]> {
  if (!personIds.length) return [];
  const prisma = ctx.db.prisma;
  const [people, chatting, refused] = await Promise.all([
    prisma.person.findMany({
      where: {
        id: { in: personIds },
        tenantId: { not: null },
        OR: [{ teamsUserId: { not: null } }, { aadObjectId: { not: null } }],
      },
      select: { id: true, displayName: true, teamsUserId: true, aadObjectId: true, tenantId: true },
    }),
    prisma.conversationRef.findMany({
      where: { personId: { in: personIds }, scope: 'personal', state: 'active' },
      select: { personId: true },
    }),
    prisma.appState.findMany({
      where: { key: { in: personIds.map((id) => REFUSED_PREFIX + id) }, value: { gt: ctx.now().toISOString() } },
      select: { key: true },
    }),
  ]);
  const skip = new Set([
    ...chatting.map((c) => c.personId!),
    ...refused.map((r) => r.key.slice(REFUSED_PREFIX.length)),
  ]);
  const candidates = people.filter((p) => !skip.has(p.id));
  const tenants = await tenantEndpoints(ctx, [...new Set(candidates.map((p) => p.tenantId!))]);
  const byId = new Map(candidates.map((p) => [p.id, p]));
  return personIds.flatMap((id) => {
    const p = byId.get(id);
    const endpoint = p && tenants.get(p.tenantId!);
    if (!p || !endpoint) return [];
    return [
      {
        personId: p.id,
        displayName: p.displayName,
        memberId: (p.teamsUserId ?? p.aadObjectId)!,
        aadObjectId: p.aadObjectId,
        tenantId: p.tenantId!,
        ...endpoint,
      },
    ];
  });
}

/** The most recently used service URL and bot account per tenant. */
async function tenantEndpoints(
  ctx: CoreContext,
  tenantIds: string[],
): Promise<Map<string, Pick<OpenTarget, 'serviceUrl' | 'bot'>>> {
  const found = new Map<string, Pick<OpenTarget, 'serviceUrl' | 'bot'>>();
  for (const tenantId of tenantIds) {
    const refs = await ctx.db.prisma.conversationRef.findMany({
      where: { tenantId },
      select: { serviceUrl: true, reference: true },
      orderBy: { updatedAt: 'desc' },
      take: 5,
    });
    for (const r of refs) {
      const bot = botOf(r.reference);
      if (bot) {
        found.set(tenantId, { serviceUrl: r.serviceUrl, bot });
        break;
      }
    }
  }
  return found;
}

function botOf(reference: string): OpenTarget['bot'] | undefined {
  try {
    const bot = JSON.parse(reference)?.bot;
    return typeof bot?.id === 'string' && bot.id
      ? { id: bot.id, ...(typeof bot.name === 'string' ? { name: bot.name } : {}) }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Teams refused to open a chat (app not installed for them): do not ask again for a while. */
export async function recordRefusal(ctx: CoreContext, personId: string): Promise<void> {
  const key = REFUSED_PREFIX + personId;
  const value = new Date(ctx.now().getTime() + REFUSED_RETRY_DAYS * DAY_MS).toISOString();
  await ctx.db.prisma.appState.upsert({ where: { key }, create: { key, value }, update: { value } });
}
