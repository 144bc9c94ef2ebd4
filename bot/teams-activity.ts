/** Reading Teams-specific fields off an activity. */
import type { Activity } from 'botbuilder';

export function conversationScope(a: Partial<Activity>): 'personal' | 'groupChat' | 'channel' {
  const type = a.conversation?.conversationType;
  if (type === 'channel') return 'channel';
  if (type === 'groupChat') return 'groupChat';
  return 'personal';
}

export function teamsInfo(a: Partial<Activity>): { tenantId?: string; teamId?: string; channelName?: string } {
  const data = (a.channelData ?? {}) as { tenant?: { id?: string }; team?: { id?: string }; channel?: { name?: string } };
  return { tenantId: data.tenant?.id, teamId: data.team?.id, channelName: data.channel?.name };
}
