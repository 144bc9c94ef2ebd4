/**
 * The card an Update button was pressed on (a reminder, "my actions", a list answer), carried through
 * the update form so Cancel and Save go back to it, rebuilt as it stands now with every other action
 * still there to update.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards/card';
import type { BotDeps } from '../../deps';
import { myActionsPage } from '../messages/my-actions';
import { listPage } from './list-page';
import { reminderPage } from './reminder-page';

export const originSchema = z.object({
  verb: z.enum(['reminder.page', 'myactions.page', 'list.page']),
  data: z.record(z.unknown()),
});
export type Origin = z.infer<typeof originSchema>;

/** The origin a card submit carries, if any and well formed. */
export function originOf(data: unknown): Origin | undefined {
  const parsed = z.object({ origin: originSchema }).safeParse(data);
  return parsed.success ? parsed.data.origin : undefined;
}

const REBUILD = { 'reminder.page': reminderPage, 'myactions.page': myActionsPage, 'list.page': listPage } as const;

/** The origin card as it stands now; a text when it cannot be rebuilt (a reminder too old to page, say). */
export function rebuildOrigin(deps: BotDeps, context: TurnContext, origin: Origin): Promise<AdaptiveCard | string> {
  return REBUILD[origin.verb](deps)(context, undefined, origin.data);
}
