/** Reading Teams-specific fields off an activity. */
import type { Activity } from 'botbuilder';
import type { Mention } from '../core/query/mentions';
import { tokenize } from '../core/query/tokens';

export function conversationScope(a: Partial<Activity>): 'personal' | 'groupChat' | 'channel' {
  const type = a.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

export function teamsInfo(a: Partial<Activity>): { tenantId?: string; teamId?: string; channelName?: string } {
  const data = (a.channelData ?? {}) as {
    tenant?: { id?: string };
    team?: { id?: string };
    channel?: { name?: string };
  };
  return { tenantId: data.tenant?.id, teamId: data.team?.id, channelName: data.channel?.name };
}

/** The people a message @mentions, the bot aside, in order, with the ids Teams gives each. */
export function mentionsOf(a: Partial<Activity>): Mention[] {
  return (a.entities ?? []).flatMap((e) => {
    const mentioned =
      e.type === 'mention'
        ? (e.mentioned as { id?: string; name?: string; aadObjectId?: string } | undefined)
        : undefined;
    if (!mentioned?.id || mentioned.id === a.recipient?.id) return [];
    // The name as the message shows it ("<at>Alex Wilber</at>"), which the parser pairs the mention with.
    const [shown] = typeof e.text === 'string' ? tokenize(e.text).mentions : [];
    return [
      { name: (shown ?? mentioned.name ?? '').trim(), teamsUserId: mentioned.id, aadObjectId: mentioned.aadObjectId },
    ];
  });
}
