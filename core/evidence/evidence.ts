/**
 * Evidence that an action was done: https links with a title (SharePoint and OneDrive links are what
 * people paste) and files sent to the bot in the personal chat. A plan's evidence policy says which
 * actions need some before their completion is accepted: none, high priority (the default), or all.
 */
import { z } from 'zod';
import type { CoreContext } from '../context';
import type { EvidencePolicy } from '../domain';
import type { Tx } from '../db/tx';

/** File types people keep evidence in: documents, spreadsheets, slides, PDFs, images, mail and text. */
export const EVIDENCE_FILE_TYPES = [
  'pdf',
  'docx',
  'doc',
  'xlsx',
  'xls',
  'pptx',
  'ppt',
  'png',
  'jpg',
  'jpeg',
  'msg',
  'eml',
  'txt',
  'csv',
] as const;

export const evidenceLinkSchema = z
  .object({
    evidenceUrl: z
      .string()
      .optional()
      .transform((s) => s?.trim() || undefined)
      .pipe(
        z
          .string()
          .max(2000, 'Keep the link under 2000 characters')
          .refine(isHttpsUrl, 'Evidence links must start with https:// (paste the SharePoint or OneDrive link)')
          .optional(),
      ),
    evidenceTitle: z
      .string()
      .optional()
      .transform((s) => s?.trim() || undefined)
      .pipe(z.string().max(200, 'Keep the title under 200 characters').optional()),
  })
  .superRefine((e, issue) => {
    if (e.evidenceUrl && !e.evidenceTitle)
      issue.addIssue({
        code: 'custom',
        path: ['evidenceTitle'],
        message: 'Give the evidence a title, e.g. "Audit report"',
      });
    if (e.evidenceTitle && !e.evidenceUrl)
      issue.addIssue({ code: 'custom', path: ['evidenceUrl'], message: 'Paste the https link to the evidence' });
  });

function isHttpsUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** Whether completing an action of this priority needs evidence under the plan's policy. */
export function evidenceRequired(policy: EvidencePolicy | string, priority: string | null): boolean {
  return policy === 'all' || (policy === 'high' && priority === 'high');
}

export interface EvidenceItem {
  id: string;
  kind: 'link' | 'file';
  title: string;
  url: string | null;
  fileName: string | null;
  size: number | null;
  addedAt: Date;
}

/** An action's evidence, oldest first (never the file bytes). */
export async function evidenceOf(
  ctx: Pick<CoreContext, 'db'>,
  actionId: string,
  tx: Tx = ctx.db.prisma,
): Promise<EvidenceItem[]> {
  const rows = await tx.evidence.findMany({
    where: { actionId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, kind: true, title: true, url: true, fileName: true, size: true, createdAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as EvidenceItem['kind'],
    title: r.title,
    url: r.url,
    fileName: r.fileName,
    size: r.size,
    addedAt: r.createdAt,
  }));
}

/** Why a completion cannot be saved yet, said next to the link field; null when it can. */
export async function missingEvidence(
  ctx: Pick<CoreContext, 'db'>,
  action: { id: string; planId: string; planKey: string; displayRef: string; priority: string | null },
): Promise<string | null> {
  const plan = await ctx.db.prisma.plan.findUnique({ where: { id: action.planId }, select: { evidencePolicy: true } });
  if (!plan || !evidenceRequired(plan.evidencePolicy, action.priority)) return null;
  if (await ctx.db.prisma.evidence.count({ where: { actionId: action.id } })) return null;
  const which = plan.evidencePolicy === 'all' ? 'every action' : 'high-priority actions';
  const how = `paste an https link with a title, or send me the file in chat with "evidence for ${action.displayRef}"`;
  return `${action.planKey} needs evidence to complete ${which}: ${how}`;
}
