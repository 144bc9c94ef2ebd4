/**
 * One plan file, start to finish: size check, parse (a plan, or draft recommendations from an
 * inspection report), write. The CLI and the chat upload both come through here, so they report the
 * same problems in the same words.
 */
import type { CoreContext } from '../context';
import { applyParsedPlan, type ImportResult } from './apply';
import { draftFromInspectionReport } from './areas-for-improvement';
import { parsePlanFile } from './parse-plan';
import type { ImportProblem, ParsedPlan } from './types';
import { assertUploadSize, UploadTooLarge } from './upload-limit';

export interface ImportFileOptions {
  /** Defaults to one made from the file name (see planKeyFor). */
  planKey?: string;
  title?: string;
  dryRun?: boolean;
  /** The file is an inspection report: its "Areas for Improvement" become draft recommendations. */
  areasForImprovement?: boolean;
  /** Where Teams and the file both changed a fact since the last import, take the file's. */
  preferFile?: boolean;
  maxBytes: number;
}

export async function importPlanFile(
  ctx: Pick<CoreContext, 'db' | 'now'>,
  content: Buffer,
  fileName: string,
  opts: ImportFileOptions,
): Promise<ImportResult> {
  let planKey = opts.planKey ? normalisePlanKey(opts.planKey) : planKeyFor(fileName, opts.title);
  try {
    assertUploadSize(content.length, opts.maxBytes, fileName);
  } catch (err) {
    if (!(err instanceof UploadTooLarge)) throw err;
    return applyParsedPlan(
      ctx,
      { recommendations: [], problems: [{ file: fileName, message: err.message, severity: 'error' }] },
      { planKey, source: fileName },
    );
  }
  const parsed = opts.areasForImprovement
    ? await draftFromInspectionReport(content, fileName)
    : await parsePlanFile(content, fileName);
  const known = opts.planKey ? null : await importedBefore(ctx, fileName, parsed);
  if (known) planKey = known.key;
  const result = await applyParsedPlan(ctx, parsed, {
    planKey,
    title: opts.title,
    source: fileName,
    dryRun: opts.dryRun,
    preferFile: opts.preferFile,
  });
  return known ? { ...result, recognised: known.createdAt } : result;
}

/**
 * The plan this file was imported into before, so a second import merges instead of making a copy: the
 * plan imported from a file of this name, else one with the file's title whose refs are mostly the file's.
 */
async function importedBefore(ctx: Pick<CoreContext, 'db'>, fileName: string, parsed: ParsedPlan) {
  const p = ctx.db.prisma;
  const byFile = await p.plan.findFirst({
    where: { OR: [{ sourceFile: fileName }, { sourceReport: fileName }] },
    orderBy: { createdAt: 'asc' },
  });
  if (byFile || !parsed.title) return byFile;
  const refs = parsed.recommendations.flatMap((r) => r.actions.map((a) => a.ref));
  for (const plan of await p.plan.findMany({ where: { title: parsed.title } })) {
    const known = await p.action.count({ where: { planId: plan.id, ref: { in: refs.slice(0, 500) } } });
    if (refs.length && known >= Math.min(refs.length, 500) * 0.8) return plan;
  }
  return null;
}

/** Plan keys are what users type: upper-case letters, digits and dashes. */
export function normalisePlanKey(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** "btp-crime-data-integrity.csv" -> "BTP-CRIME-DATA-INTEGRITY"; the title when the name has no letters. */
export function planKeyFor(fileName: string, title?: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, '');
  return normalisePlanKey(base) || normalisePlanKey(title ?? '') || 'PLAN';
}

/** "plan.csv row 14, Due Date: due date 'Smarch 2004' not understood — kept as text, no date". */
export function describeProblem(p: ImportProblem): string {
  const where = [p.file, p.row ? `row ${p.row}` : ''].filter(Boolean).join(' ');
  return `${where}${p.column ? `, ${p.column}` : ''}: ${p.message}`;
}
