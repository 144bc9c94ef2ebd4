/**
 * A file sent to the bot in the personal chat as evidence for an action ("evidence for BTP-CDI-7"):
 * its type and size are checked before anything is kept, the sender must be able to update the action,
 * and the file is stored with a history row (kind "evidence") naming it.
 */
import type { CoreContext } from '../context';
import type { Tx } from '../db/tx';
import { appendHistory } from '../history/append';
import { findActionByRef } from '../actions/find-ref';
import { findActor, loadView } from '../actions/change';
import type { ActionView } from '../actions/view';
import { megabytes } from '../import/upload-limit';
import { extensionOf } from '../import/read-table';
import { may } from '../people/permissions';
import { EVIDENCE_FILE_TYPES } from './evidence';

/** "evidence for BTP-CDI-7" in the message the file came with. */
export const EVIDENCE_FOR = /\bevidence\s+(?:for|of|on)\s+([a-z0-9][\w.-]*)/i;

export type EvidenceFileResult =
  | { kind: 'added'; view: ActionView; evidenceId: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'not-found'; asked: string }
  | { kind: 'forbidden'; view: ActionView };

/** What is wrong with the file before it is downloaded (type, declared size); null when it may be fetched. */
export function evidenceFileProblem(name: string, size: number | null, limit: number): string | null {
  const ext = extensionOf(name);
  if (!(EVIDENCE_FILE_TYPES as readonly string[]).includes(ext)) {
    const kept = EVIDENCE_FILE_TYPES.map((t) => `.${t}`).join(', ');
    return `I keep evidence as ${kept} files; ${name} is not one of those. Nothing was saved.`;
  }
  if (size !== null && size > limit) return tooLarge(name, limit);
  return null;
}

export function tooLarge(name: string, limit: number): string {
  const instead = 'Share it on SharePoint or OneDrive and paste the link on the update card instead.';
  const limitText = `${megabytes(limit)}, the largest evidence file Chaser keeps`;
  return `${name} is larger than ${limitText}. ${instead} Nothing was saved.`;
}

/** Checks who may add it before anything is downloaded. */
export async function evidenceTarget(
  ctx: CoreContext,
  actorId: string,
  ref: string,
): Promise<EvidenceFileResult | { kind: 'ok'; view: ActionView }> {
  const found = await findActionByRef(ctx, ref);
  const view = found && (await loadView(ctx, found.id));
  if (!view) return { kind: 'not-found', asked: ref.toUpperCase() };
  if (!(await may(ctx, actorId, 'action.update', { actionId: view.id }))) return { kind: 'forbidden', view };
  return { kind: 'ok', view };
}

export async function addEvidenceFile(
  ctx: CoreContext,
  actorId: string,
  view: ActionView,
  file: { name: string; contentType: string | null; bytes: Buffer },
  limit: number,
): Promise<EvidenceFileResult> {
  const problem = evidenceFileProblem(file.name, file.bytes.length, limit);
  if (problem) return { kind: 'invalid', message: problem };
  const actor = await findActor(ctx, actorId);
  const at = ctx.now();
  const id = await ctx.db.prisma.$transaction(async (t) => {
    const tx = t as Tx;
    const row = await tx.evidence.create({
      data: {
        actionId: view.id,
        kind: 'file',
        title: file.name,
        fileName: file.name,
        contentType: file.contentType,
        size: file.bytes.length,
        content: new Uint8Array(file.bytes),
        addedById: actorId,
        createdAt: at,
      },
    });
    await appendHistory(tx, {
      actionId: view.id,
      at,
      kind: 'evidence',
      authorName: actor?.displayName ?? null,
      authorPersonId: actorId,
      text: file.name,
      detail: { evidenceIds: [row.id] },
    });
    return row.id;
  });
  return { kind: 'added', view, evidenceId: id };
}
