/**
 * Runs before any card-click handler: an `adaptiveCard/action` invoke must be a well-formed Action.Execute
 * and small. Handlers still validate their own fields; this stops oversized or malformed payloads before
 * anything is parsed further or stored, with an error Teams shows on the card.
 */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { BotDeps } from '../../deps';
import { refuseInvoke } from './refuse-invoke';

/** The largest form is an update with a 2,000-character note: under 12 KB as JSON even if every
 * character needs escaping. Far above that is not a person typing. */
export const MAX_CARD_SUBMIT_BYTES = 32 * 1024;

const cardSubmitSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: z.record(z.unknown()).optional(),
  }),
});

export function cardSubmitGuard(deps: BotDeps) {
  return async (context: TurnContext): Promise<boolean> => {
    const a = context.activity;
    if (a.type !== 'invoke' || a.name !== 'adaptiveCard/action') return true;
    const bytes = Buffer.byteLength(JSON.stringify(a.value ?? null));
    if (bytes > MAX_CARD_SUBMIT_BYTES) {
      deps.log.warn(
        { bytes, limit: MAX_CARD_SUBMIT_BYTES, conversationId: a.conversation?.id },
        'refused an oversized card submit',
      );
      await refuseInvoke(context, 413, 'That was too much to send in one go. Shorten the text and try again.');
      return false;
    }
    if (!cardSubmitSchema.safeParse(a.value).success) {
      await refuseInvoke(context, 400, 'That card action was not understood. Ask for a fresh card and try again.');
      return false;
    }
    return true;
  };
}
