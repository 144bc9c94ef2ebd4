/**
 * `import <file> [--plan KEY] [--title ...] [--dry-run] [--prefer-file] [--areas-for-improvement]`: reads
 * a plan file (xlsx, csv, tsv/txt, docx, md, html, pdf) into a plan, merging into the plan it was imported into
 * before, and prints each change as old → new with its file row, each conflict with Teams, and every
 * problem with its file, row and column (with --dry-run, what it would do). Exits 1 when nothing could
 * be imported (no recognisable table, too large, unreadable).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportResult } from '../../../core/import/apply';
import { describeProblem, importPlanFile } from '../../../core/import/import-file';
import { assertUploadSize, UploadTooLarge } from '../../../core/import/upload-limit';
import { formatDate } from '../../../core/time';
import { parseArgs, stringOption, type CliCommand } from '../command';

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import <file> [--plan KEY] [--title T] [--dry-run] [--prefer-file] [--areas-for-improvement]',
  summary: 'import a plan file (xlsx, csv, tsv, txt, docx, md, html, pdf), or draft one from an inspection report',
  async run(args, ctx) {
    const { positional, options } = parseArgs(args);
    const [file] = positional;
    if (!file) {
      ctx.err(`usage: npm run chaser -- ${this.usage}`);
      return 2;
    }
    const fileName = path.basename(file);
    let content: Buffer;
    try {
      // Checked before reading: an oversized file is never loaded.
      assertUploadSize((await stat(file)).size, ctx.config.MAX_UPLOAD_BYTES, fileName);
      content = await readFile(file);
    } catch (err) {
      ctx.err(err instanceof UploadTooLarge ? err.message : `cannot read ${file}: ${(err as Error).message}`);
      return 1;
    }
    const result = await importPlanFile(ctx.core, content, fileName, {
      planKey: stringOption(options, 'plan'),
      title: stringOption(options, 'title'),
      dryRun: !!options['dry-run'],
      preferFile: !!options['prefer-file'],
      areasForImprovement: !!options['areas-for-improvement'],
      maxBytes: ctx.config.MAX_UPLOAD_BYTES,
    });
    for (const line of reportLines(result, fileName)) ctx.out(line);
    for (const p of result.problems) (p.severity === 'error' ? ctx.err : ctx.out)(describeProblem(p));
    return result.failed ? 1 : 0;
  },
};

export function reportLines(r: ImportResult, fileName: string): string[] {
  if (r.failed) return [`${fileName}: nothing imported`];
  const would = r.dryRun ? 'would ' : '';
  const lines = [
    ...(r.recognised
      ? [`${r.planKey} was imported from this file on ${formatDate(r.recognised)}: merging into it`]
      : []),
    `${fileName} → plan ${r.planKey}${r.dryRun ? ' (dry run: nothing written)' : ''}`,
    `in the file: ${r.counts.recommendations} recommendations, ${r.counts.actions} actions, ${r.counts.owners} owners, ${r.counts.updates} updates`,
    `${would}create: ${r.created.recommendations} recommendations, ${r.created.actions} actions, ${r.created.posts} owner posts, ${r.created.updates} updates`,
    `${would}update: ${r.updated.recommendations} recommendations, ${r.updated.actions} actions`,
  ];
  const where = (c: ImportResult['changes'][number]) => `${c.entity} ${c.ref}${c.row ? ` (row ${c.row})` : ''}`;
  for (const c of r.changes.filter((c) => c.kind === 'update'))
    lines.push(`  ${would}change ${where(c)}: ${c.details?.join('; ')}`);
  const conflicts = r.changes.filter((c) => c.kind === 'conflict');
  for (const c of conflicts) lines.push(`  conflict in ${where(c)}: ${c.details?.join('; ')}`);
  if (conflicts.length)
    lines.push(`${conflicts.length} kept as changed in Teams; --prefer-file takes the file's instead`);
  if (!r.changes.some((c) => c.kind !== 'conflict')) lines.push('nothing changed: the plan already matches the file');
  if (r.problems.length) lines.push(`${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}:`);
  return lines;
}
