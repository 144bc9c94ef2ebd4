/**
 * Plan files an admin sends in chat: checked with a dry run and held (PendingImport) until they press
 * Import or Cancel on the report card. Only admins import; only the sender can confirm or cancel their
 * file. A click that arrives twice finds the file gone and changes nothing.
 */
import type { CoreContext } from '../context';
import { may } from '../people/permissions';
import { DAY_MS } from '../time';
import type { ImportResult } from './apply';
import { importPlanFile } from './import-file';

type Ctx = Pick<CoreContext, 'db' | 'now' | 'adminAadIds'>;

/** Files nobody confirmed are dropped after a day. */
const PENDING_TTL_MS = DAY_MS;

export type StageResult =
  | { kind: 'forbidden' }
  | { kind: 'staged'; result: ImportResult; pendingImportId: string | null };

/** The dry-run report for a file; held for confirmation unless nothing in it can be imported. */
export async function stageImport(
  ctx: Ctx,
  personId: string,
  fileName: string,
  content: Buffer,
  maxBytes: number,
): Promise<StageResult> {
  if (!(await may(ctx, personId, 'plan.import'))) return { kind: 'forbidden' };
  await ctx.db.prisma.pendingImport.deleteMany({
    where: { createdAt: { lt: new Date(ctx.now().getTime() - PENDING_TTL_MS) } },
  });
  const result = await importPlanFile(ctx, content, fileName, { dryRun: true, maxBytes });
  if (result.failed) return { kind: 'staged', result, pendingImportId: null };
  const pending = await ctx.db.prisma.pendingImport.create({
    data: { personId, fileName, content: new Uint8Array(content), planKey: result.planKey, createdAt: ctx.now() },
  });
  return { kind: 'staged', result, pendingImportId: pending.id };
}

export type ConfirmResult =
  | { kind: 'gone' }
  | { kind: 'forbidden' }
  | { kind: 'imported'; fileName: string; result: ImportResult };

export async function confirmImport(
  ctx: Ctx,
  personId: string,
  pendingImportId: string,
  maxBytes: number,
): Promise<ConfirmResult> {
  const pending = await ctx.db.prisma.pendingImport.findUnique({ where: { id: pendingImportId } });
  if (!pending || pending.personId !== personId) return { kind: 'gone' };
  if (!(await may(ctx, personId, 'plan.import'))) return { kind: 'forbidden' };
  // Claim it first: of two clicks, one imports and the other finds it gone.
  const claimed = await ctx.db.prisma.pendingImport.deleteMany({ where: { id: pending.id } });
  if (!claimed.count) return { kind: 'gone' };
  const result = await importPlanFile(ctx, Buffer.from(pending.content), pending.fileName, {
    planKey: pending.planKey ?? undefined,
    maxBytes,
  });
  return { kind: 'imported', fileName: pending.fileName, result };
}

/** The cancelled file's name, or null when it was already imported or cancelled. */
export async function cancelImport(
  ctx: Pick<CoreContext, 'db'>,
  personId: string,
  pendingImportId: string,
): Promise<string | null> {
  const pending = await ctx.db.prisma.pendingImport.findUnique({
    where: { id: pendingImportId },
    select: { personId: true, fileName: true },
  });
  if (!pending || pending.personId !== personId) return null;
  const gone = await ctx.db.prisma.pendingImport.deleteMany({ where: { id: pendingImportId } });
  return gone.count ? pending.fileName : null;
}
