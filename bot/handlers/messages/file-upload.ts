/**
 * A plan file sent to the bot in the personal chat. Teams delivers it as a file-download attachment
 * whose pre-authenticated downloadUrl the bot fetches (within MAX_UPLOAD_BYTES, however large the
 * server says it is); the dry-run report comes back as a card with Import / Cancel.
 */
import type { IncomingMessage } from 'node:http';
import { MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { cardAttachment } from '../../../cards/card';
import { importReportCard } from '../../../cards/import-report';
import { stageImport } from '../../../core/import/pending-import';
import { extensionOf } from '../../../core/import/read-table';
import { assertUploadSize, readWithinLimit, UploadTooLarge } from '../../../core/import/upload-limit';
import { may } from '../../../core/people/permissions';
import { isAuthenticated } from '../../../core/config';
import type { BotDeps } from '../../deps';
import { checkDownload, pinnedGet } from '../../transport/download-url';
import { conversationScope } from '../../teams-activity';
import { senderId } from '../actions/sender';

export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const IMPORTABLE = ['xlsx', 'csv', 'tsv', 'txt', 'md', 'html', 'htm', 'docx', 'pdf'];
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
      await context.sendActivity(
        'I can import plans sent as .xlsx, .csv, .tsv, .txt, .md, .html, .docx or .pdf files.',
      );
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
      bytes = await download(deps, content.downloadUrl, deps.config.MAX_UPLOAD_BYTES, name);
    } catch (err) {
      deps.log.warn({ err, fileName: name }, 'plan file download failed');
      await context.sendActivity(downloadFailure(err, name));
      return;
    }
    const staged = await stageImport(deps.core, personId, name, bytes, deps.config.MAX_UPLOAD_BYTES);
    if (staged.kind === 'forbidden') return; // checked above; an admin demoted meanwhile gets no card
    await context.sendActivity(
      MessageFactory.attachment(cardAttachment(importReportCard(name, staged.result, staged.pendingImportId))),
    );
  };
}

/** A download refused for where it points; the user is told, nothing is fetched. */
export class DownloadRefused extends Error {}

/** Redirects followed, each checked as the first URL was. */
const MAX_REDIRECTS = 3;

export async function download(
  deps: Pick<BotDeps, 'config'>,
  url: string,
  limit: number,
  fileName: string,
): Promise<Buffer> {
  const policy = { authenticated: isAuthenticated(deps.config), allowedHosts: deps.config.FILE_DOWNLOAD_HOSTS };
  const signal = AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS);
  let res: IncomingMessage | undefined;
  for (let hop = 0, next = url; hop <= MAX_REDIRECTS; hop++) {
    const target = await checkDownload(next, policy);
    if (target.refusal !== undefined)
      throw new DownloadRefused(`${fileName}: refused to download from ${target.refusal}`);
    res = await pinnedGet(next, target.addresses, signal);
    const status = res.statusCode ?? 0;
    const location = status >= 300 && status < 400 ? res.headers.location : undefined;
    if (!location) break;
    res.resume();
    next = new URL(location, next).toString();
    res = undefined;
  }
  if (!res) throw new Error(`download failed: more than ${MAX_REDIRECTS} redirects`);
  const status = res.statusCode ?? 0;
  if (status < 200 || status >= 300) {
    res.resume();
    throw new Error(`download failed: HTTP ${status}`);
  }
  const declared = Number(res.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared)) {
    try {
      assertUploadSize(declared, limit, fileName);
    } catch (err) {
      res.destroy();
      throw err;
    }
  }
  return readWithinLimit(res, limit, fileName);
}

/** What the sender is told when a file could not be fetched; nothing was saved. */
export function downloadFailure(err: unknown, name: string): string {
  if (err instanceof UploadTooLarge) return err.message;
  if (err instanceof DownloadRefused)
    return `I can only fetch files Teams keeps (in OneDrive or SharePoint), so I did not download ${name}. Nothing was saved.`;
  return `I could not download ${name}. Please send it again.`;
}
