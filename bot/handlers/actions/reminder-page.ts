/** Previous or Next on a reminder or escalation card (or coming back from an update): that page, as its actions stand now, in place. */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { reminderCardRows } from '../../../core/reminders/page';
import { escalationCard } from '../../../cards/escalation';
import { reminderCard, reminderOrigin } from '../../../cards/reminder';
import { refreshing, type AdaptiveCard } from '../../../cards/card';
import type { BotDeps } from '../../deps';
import { senderId } from './sender';

const pageSchema = z.object({ cardKey: z.string().min(1).max(200), page: z.number().int().min(0).max(1000) });

export function reminderPage(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: unknown): Promise<AdaptiveCard | string> => {
    const parsed = pageSchema.safeParse(data);
    const found = parsed.success
      ? await reminderCardRows(deps.core, parsed.data.cardKey, await senderId(deps, context))
      : null;
    if (!parsed.success || !found) return 'This reminder can no longer be paged. Say "my actions" to see your actions.';
    const { cardKey, page } = parsed.data;
    if (found.purpose === 'escalation') return escalationCard({ rows: found.rows, unreachable: [], page, cardKey });
    // An escalation card's first page also lists unreachable owners, which a page does not rebuild: only
    // reminder cards refresh themselves.
    const card = reminderCard({ recipientName: found.recipientName, rows: found.rows, page, cardKey });
    return refreshing(card, reminderOrigin(cardKey, page), [context.activity.from?.id]);
  };
}
