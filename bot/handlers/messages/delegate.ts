/** "delegate to @Megan" (a mention or a display name) names a stand-in; "delegate to nobody" clears it. */
import type { TurnContext } from 'botbuilder';
import { setDelegate, type PersonRef } from '../../../core/people/preferences';
import { safe } from '../../../cards/text';
import type { BotDeps } from '../../deps';
import { mentionsOf } from '../../teams-activity';
import { senderId } from '../actions/sender';

export const DELEGATE = /^\s*delegate\b/i;
const NOBODY = /^(nobody|no one|noone|none|no-one)$/i;

export function delegate(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const a = context.activity;
    const name = /^\s*delegate\s+to\s+(.+?)\s*[.!]*\s*$/i
      .exec(a.text ?? '')?.[1]
      ?.replace(/<\/?at>/g, '')
      .replace(/^@/, '')
      .trim();
    if (!name)
      return void (await context.sendActivity(
        'Tell me who, e.g. "delegate to @Megan Bowen", or "delegate to nobody" to stop.',
      ));
    const [mention] = mentionsOf(a);
    const who: PersonRef | null = NOBODY.test(name)
      ? null
      : { teamsUserId: mention?.teamsUserId, aadObjectId: mention?.aadObjectId, name };
    const r = await setDelegate(deps.core, await senderId(deps, context), who);
    const replies = {
      set: () =>
        `Done: ${safe(r.kind === 'set' ? r.delegate.displayName : '', 80)} now gets your reminders while you are away and can update your actions.`,
      cleared: () => 'Done: you have no delegate now.',
      self: () => 'You cannot delegate to yourself.',
      unknown: () =>
        `I don't know anyone called "${safe(name, 80)}" yet. They need to have said hello to me in Teams first.`,
      ambiguous: () => `More than one person is called "${safe(name, 80)}". Mention them with @ instead.`,
    };
    await context.sendActivity(replies[r.kind]());
  };
}
