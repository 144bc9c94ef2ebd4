/** Cancel on the dry-run card: drops the held file. */
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../../cards/card';
import { importClosedCard } from '../../../cards/import-report';
import { cancelImport } from '../../../core/import/pending-import';
import type { BotDeps } from '../../deps';
import { pendingImportSchema } from './import-confirm';
import { senderId } from './sender';

export function cancelImportAction(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: Record<string, unknown>): Promise<AdaptiveCard> => {
    const input = pendingImportSchema.safeParse(data ?? {});
    const fileName = input.success
      ? await cancelImport(deps.core, await senderId(deps, context), input.data.pendingImportId)
      : null;
    return importClosedCard(
      fileName ? `Cancelled: ${fileName} was not imported.` : 'This file was already imported or cancelled.',
    );
  };
}
