/** The notice to plan owners and admins that Teams refuses messages to someone (403/404). */
import type { Unreachable } from '../core/outbox/gone';
import { safe } from './text';

export function unreachableNotice(who: Unreachable): Record<string, unknown> {
  return {
    type: 'message',
    textFormat: 'markdown',
    text:
      `Chaser can no longer reach **${safe(who.name, 120)}** in Teams (${safe(who.reason, 80)}): they may have blocked or uninstalled the app, or left the organisation. ` +
      'Their reminders have stopped; please chase them another way or reassign their actions. They start again as soon as they message Chaser.',
  };
}
