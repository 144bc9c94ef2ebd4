/** Import on the dry-run card: applies the held file and replaces the card with what was done. */
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards/card';
import { importClosedCard, importDoneCard } from '../../../cards/import-report';
import { confirmImport } from '../../../core/import/pending-import';
import type { BotDeps } from '../../deps';
import { senderId } from './sender';

export const pendingImportSchema = z.object({ pendingImportId: z.string().min(1).max(100) });

export function confirmImportAction(deps: BotDeps) {
  return async (context: TurnContext, _state: unknown, data: Record<string, unknown>): Promise<AdaptiveCard> => {
    const input = pendingImportSchema.safeParse(data ?? {});
    if (!input.success) return importClosedCard('This import card is not valid any more.');
    const r = await confirmImport(
      deps.core,
      await senderId(deps, context),
      input.data.pendingImportId,
      deps.config.MAX_UPLOAD_BYTES,
    );
    if (r.kind === 'forbidden') return importClosedCard('Only an admin can import plans.');
    if (r.kind === 'gone') return importClosedCard('This file was already imported or cancelled.');
    deps.log.info(
      { planKey: r.result.planKey, fileName: r.fileName, created: r.result.created, updated: r.result.updated },
      'plan imported from chat',
    );
    return importDoneCard(r.fileName, r.result);
  };
}
