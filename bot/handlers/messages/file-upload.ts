/**
 * A plan file sent to the bot in the personal chat. Teams delivers it as a file-download attachment
 * whose pre-authenticated downloadUrl the bot fetches (within MAX_UPLOAD_BYTES, however large the
 * server says it is); the dry-run report comes back as a card with Import / Cancel.
 */
import { MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { cardAttachment } from '../../../cards/card';
import { importReportCard } from '../../../cards/import-report';
import { stageImport } from '../../../core/import/pending-import';
import { extensionOf } from '../../../core/import/read-table';
import { assertUploadSize, readWithinLimit, UploadTooLarge } from '../../../core/import/upload-limit';
import { may } from '../../../core/people/permissions';
import type { BotDeps } from '../../deps';
import { conversationScope } from '../../teams-activity';
import { senderId } from '../actions/sender';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const IMPORTABLE = ['xlsx', 'csv', 'tsv', 'txt', 'md', 'docx'];
/** Teams answers a slow bot by retrying the message; a stuck download must give up well before. */
const DOWNLOAD_TIMEOUT_MS = 10_000;

export const fileSchema = z.object({
  contentType: z.literal(FILE_DOWNLOAD_INFO),
  name: z.string().trim().min(1).max(255),
  content: z.object({
    downloadUrl: z.string().url().max(4000),
    uniqueId: z.string().optional(),
    fileType: z.string().optional(),
  }),
});

export const fileOf = (context: TurnContext) =>
  (context.activity.attachments ?? []).find((a) => a.contentType === FILE_DOWNLOAD_INFO);

/** Route selector: a file in the personal chat (in teams and group chats files are not plans for the bot). */
export async function isFileUpload(context: TurnContext): Promise<boolean> {
  return conversationScope(context.activity) === 'personal' && fileOf(context) !== undefined;
}

export function fileUpload(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const file = fileSchema.safeParse(fileOf(context));
    if (!file.success || !IMPORTABLE.includes(extensionOf(file.data.name))) {
      await context.sendActivity('I can import plans sent as .xlsx, .csv, .tsv, .txt, .md or .docx files.');
      return;
    }
    const personId = await senderId(deps, context);
    if (!(await may(deps.core, personId, 'plan.import'))) {
      await context.sendActivity(
        'Sorry, only an admin can import plans. Ask your Chaser admin to import this file for you.',
      );
      return;
    }
    const { name, content } = file.data;
    let bytes: Buffer;
    try {
      bytes = await download(content.downloadUrl, deps.config.MAX_UPLOAD_BYTES, name);
    } catch (err) {
      deps.log.warn({ err, fileName: name }, 'plan file download failed');
      await context.sendActivity(
        err instanceof UploadTooLarge ? err.message : `I could not download ${name}. Please send it again.`,
      );
      return;
    }
    const staged = await stageImport(deps.core, personId, name, bytes, deps.config.MAX_UPLOAD_BYTES);
    if (staged.kind === 'forbidden') return; // checked above; an admin demoted meanwhile gets no card
    await context.sendActivity(
      MessageFactory.attachment(cardAttachment(importReportCard(name, staged.result, staged.pendingImportId))),
    );
  };
}

export async function download(url: string, limit: number, fileName: string): Promise<Buffer> {
  const res = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS), redirect: 'follow' });
  if (!res.ok || !res.body) throw new Error(`download failed: HTTP ${res.status}`);
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared)) assertUploadSize(declared, limit, fileName);
  return readWithinLimit(res.body as unknown as AsyncIterable<Uint8Array>, limit, fileName);
}
