/** Real Bot Framework activities as Teams sends them, for driving the bot over HTTP or in process. */
import { randomUUID } from 'node:crypto';

export const TENANT_ID = '00000000-0000-0000-0000-0000000000001';
export const BOT = { id: '28:chaser-bot', name: 'Chaser' };

export interface TestUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export const ALEX: TestUser = {
  id: 'user-id-0',
  name: 'Alex Wilber',
  aadObjectId: '00000000-0000-0000-0000-0000000000020',
};
export const MEGAN: TestUser = {
  id: 'user-id-1',
  name: 'Megan Bowen',
  aadObjectId: '00000000-0000-0000-0000-0000000000021',
};
export const STRANGER: TestUser = {
  id: 'user-id-9',
  name: 'Sam Stranger',
  aadObjectId: '00000000-0000-0000-0000-0000000000099',
};

export interface Where {
  serviceUrl: string;
  user?: TestUser;
  scope?: 'personal' | 'groupChat' | 'channel';
  conversationId?: string;
  tenantId?: string;
  timeZone?: string;
}

export function personalConversationId(user: TestUser): string {
  return `a:personal-${user.id}`;
}

function base(w: Where) {
  const user = w.user ?? ALEX;
  const scope = w.scope ?? 'personal';
  const tenantId = w.tenantId ?? TENANT_ID;
  const conversationId =
    w.conversationId ??
    (scope === 'channel'
      ? '19:general@thread.tacv2'
      : scope === 'groupChat'
        ? '19:group@thread.v2'
        : personalConversationId(user));
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: w.serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId, role: 'user' },
    recipient: BOT,
    conversation: {
      id: conversationId,
      conversationType: scope,
      tenantId,
      ...(scope === 'personal' ? {} : { isGroup: true }),
    },
    channelData: {
      tenant: { id: tenantId },
      ...(scope === 'channel'
        ? { team: { id: '19:team@thread.tacv2', name: 'My Team' }, channel: { id: conversationId, name: 'General' } }
        : {}),
    },
    entities: [
      { type: 'clientInfo', locale: 'en-GB', country: 'GB', platform: 'Web', timezone: w.timeZone ?? 'Europe/London' },
    ],
  };
}

/** A message; in a channel it carries the @mention as Teams sends it. */
export function message(text: string, w: Where) {
  const b = base(w);
  if (w.scope === 'channel') {
    const mention = `<at>${BOT.name}</at>`;
    return {
      ...b,
      type: 'message',
      text: `${mention} ${text}`,
      entities: [...b.entities, { type: 'mention', text: mention, mentioned: BOT }],
    };
  }
  return { ...b, type: 'message', text };
}

/** An Action.Execute click on a card (`adaptiveCard/action` invoke). */
export function cardAction(verb: string, data: Record<string, unknown>, w: Where & { replyToId?: string }) {
  return {
    ...base(w),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: w.replyToId ?? 'act-card',
    value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' },
  };
}

/** The bot being added to a personal chat, group chat or team. */
export function installed(w: Where) {
  return { ...base(w), type: 'conversationUpdate', membersAdded: [BOT] };
}
