/**
 * A file sent in the personal chat with "evidence for BTP-CDI-7": kept as that action's evidence. The
 * type and who may add it are checked before the download, the size during it (MAX_UPLOAD_BYTES).
 */
import type { TurnContext } from 'botbuilder';
import {
  addEvidenceFile,
  EVIDENCE_FOR,
  evidenceFileProblem,
  evidenceTarget,
  tooLarge,
} from '../../../core/evidence/add-file';
import { UploadTooLarge } from '../../../core/import/upload-limit';
import type { BotDeps } from '../../deps';
import { senderId } from '../actions/sender';
import { download, downloadFailure, fileOf, fileSchema, isFileUpload } from './file-upload';

/** Route selector: a file in the personal chat whose message names the action it is evidence for. */
export async function isEvidenceUpload(context: TurnContext): Promise<boolean> {
  return (await isFileUpload(context)) && EVIDENCE_FOR.test(context.activity.text ?? '');
}

export function evidenceUpload(deps: BotDeps) {
  return async (context: TurnContext): Promise<void> => {
    const ref = EVIDENCE_FOR.exec(context.activity.text ?? '')![1];
    const file = fileSchema.safeParse(fileOf(context));
    if (!file.success) {
      await context.sendActivity('I could not read that file from Teams. Please send it again.');
      return;
    }
    const { name, content } = file.data;
    const limit = deps.config.MAX_UPLOAD_BYTES;
    const problem = evidenceFileProblem(name, null, limit);
    if (problem) {
      await context.sendActivity(problem);
      return;
    }
    const personId = await senderId(deps, context);
    const target = await evidenceTarget(deps.core, personId, ref);
    if (target.kind === 'not-found') {
      await context.sendActivity(
        `I could not find action ${target.asked}. Say "evidence for" and the ref, e.g. "evidence for BTP-CDI-7".`,
      );
      return;
    }
    if (target.kind !== 'ok') {
      const what = target.kind === 'forbidden' ? target.view.displayRef : ref;
      await context.sendActivity(
        `Sorry, only the owners of ${what}, their delegates, the plan owner and admins can add evidence to it. ` +
          'Nothing was saved.',
      );
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await download(deps, content.downloadUrl, limit, name);
    } catch (err) {
      deps.log.warn({ err, fileName: name }, 'evidence file download failed');
      await context.sendActivity(err instanceof UploadTooLarge ? tooLarge(name, limit) : downloadFailure(err, name));
      return;
    }
    const r = await addEvidenceFile(
      deps.core,
      personId,
      target.view,
      { name, contentType: content.fileType ?? null, bytes },
      limit,
    );
    if (r.kind === 'invalid') await context.sendActivity(r.message);
    else if (r.kind === 'added')
      await context.sendActivity(
        `Kept ${name} as evidence for ${r.view.displayRef}. The plan owner sees it when verifying.`,
      );
  };
}
