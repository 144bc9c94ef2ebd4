/**
 * Creates a 1:1 chat with someone who has never talked to the bot (the adapter's
 * createConversationAsync, POST /v3/conversations on the tenant's service URL) and stores it as their
 * personal conversation, so the outbox can reach them like anyone who messaged the bot. Teams answers
 * 403/404 when the app is not installed for the user: 'forbidden'. Uses the outbox's fail-fast
 * adapter, so a refusal or a 429 surfaces at once instead of after the SDK's blind retries.
 */
import { Channels, TurnContext, type ConversationParameters, type ConversationReference } from 'botbuilder';
import type { Config } from '../core/config';
import type { CoreContext } from '../core/context';
import { saveConversation } from '../core/people/teams-identity';
import type { ConversationOpener, OpenTarget } from '../core/people/reach';
import type { AdapterOverrides } from './adapter';
import { createFailFastAdapter } from './outbox-send';

export function createConversationOpener(
  config: Config,
  core: Pick<CoreContext, 'db'>,
  overrides: Pick<AdapterOverrides, 'credentialsFactory'> = {},
): ConversationOpener {
  const adapter = createFailFastAdapter(config, overrides);
  return {
    async open(target: OpenTarget) {
      const parameters = {
        isGroup: false,
        bot: target.bot,
        members: [{ id: target.memberId, name: target.displayName }],
        tenantId: target.tenantId,
        channelData: { tenant: { id: target.tenantId } },
      } as ConversationParameters;
      try {
        // The audience is left to the adapter's configured cloud (undefined picks its default scope).
        await adapter.createConversationAsync(
          config.MICROSOFT_APP_ID,
          Channels.Msteams,
          target.serviceUrl,
          undefined as unknown as string,
          parameters,
          async (context) => {
            await saveConversation(core, {
              conversationId: context.activity.conversation.id,
              scope: 'personal',
              personId: target.personId,
              tenantId: target.tenantId,
              serviceUrl: target.serviceUrl,
              reference: personalReference(TurnContext.getConversationReference(context.activity), target),
            });
          },
        );
        return 'opened';
      } catch (err) {
        const status =
          (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
        return status === 403 || status === 404 ? 'forbidden' : 'failed';
      }
    },
  };
}

/** The create event has no sender: name the user and the scope, as a reference captured from a message would. */
function personalReference(
  reference: Partial<ConversationReference>,
  target: OpenTarget,
): Partial<ConversationReference> {
  return {
    ...reference,
    user: {
      id: target.memberId,
      name: target.displayName,
      ...(target.aadObjectId ? { aadObjectId: target.aadObjectId } : {}),
    },
    conversation: { ...reference.conversation!, conversationType: 'personal' },
  };
}
